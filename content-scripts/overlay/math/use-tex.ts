// KaTeX for components: loads its chunk when a component has math to show and re-renders once it is there.

import { useEffect, useState } from 'preact/hooks';
import { loadTexEngine, texEngine, type TexEngine } from '../../../annotations/render/tex-engine';
import { markOnce } from '../state/timing';

/** Loads KaTeX's chunk (once) and marks when it is in, for the tests that check it comes only with math. */
export function loadKatex(): Promise<TexEngine> {
  return loadTexEngine().then((engine) => {
    markOnce('literate:katex-loaded');
    return engine;
  });
}

/** KaTeX once loaded (null before); asks for it only while `wanted`. */
export function useTexEngine(wanted = true): TexEngine | null {
  const [engine, setEngine] = useState<TexEngine | null>(texEngine);
  useEffect(() => {
    if (engine || !wanted) return;
    let alive = true;
    loadKatex().then(
      (loaded) => alive && setEngine(() => loaded),
      () => undefined, // the TeX source stays on show (tex.ts); the next equation asks again
    );
    return () => {
      alive = false;
    };
  }, [wanted, engine]);
  return engine;
}
