// KaTeX for components: loads its chunk when a component has math to show and re-renders once it is there. Should it
// fail to load, the reader is told (once, by the shell) and the TeX source stands in for the typeset math.

import { useEffect, useState } from 'preact/hooks';
import { loadTexEngine, texEngine, type TexEngine } from '../../../annotations/render/tex-engine';
import { reportLoadError } from '../boot/load-errors';
import { markOnce } from '../state/timing';

let failed = false;

/** Loads KaTeX's chunk (once) and marks when it is in, for the tests that check it comes only with math. */
export function loadKatex(): Promise<TexEngine> {
  return loadTexEngine().then(
    (engine) => {
      markOnce('literate:katex-loaded');
      return engine;
    },
    (error: unknown) => {
      if (!failed) reportLoadError('math', error);
      failed = true;
      throw error;
    },
  );
}

export interface TexState {
  engine: TexEngine | null;
  /** KaTeX could not be loaded: show the TeX source rather than wait. */
  failed: boolean;
}

/** KaTeX once loaded; asks for it only while `wanted`. */
export function useTex(wanted = true): TexState {
  const [state, setState] = useState<TexState>(() => ({ engine: texEngine(), failed }));
  useEffect(() => {
    if (state.engine || state.failed || !wanted) return;
    let alive = true;
    loadKatex().then(
      (engine) => alive && setState({ engine, failed: false }),
      () => alive && setState({ engine: null, failed: true }),
    );
    return () => {
      alive = false;
    };
  }, [wanted, state.engine, state.failed]);
  return state;
}

/** KaTeX once loaded (null before, or if it could not be loaded). */
export function useTexEngine(wanted = true): TexEngine | null {
  return useTex(wanted).engine;
}
