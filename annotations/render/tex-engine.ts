// KaTeX, loaded when there is math: in the extension it is its own chunk (most pages' explanations need none of its
// ~270 KB), so renderers ask for it first (`loadTexEngine`) and `texEngine()` hands it out synchronously afterwards.

/** The part of KaTeX the renderers use. */
export interface TexEngine {
  renderToString(tex: string, options: Record<string, unknown>): string;
}

let engine: TexEngine | null = null;
let loading: Promise<TexEngine> | null = null;

/** KaTeX if it has been loaded, else null. */
export function texEngine(): TexEngine | null {
  return engine;
}

/** Loads KaTeX once (retried after a failure); resolves to it. */
export function loadTexEngine(): Promise<TexEngine> {
  if (engine) return Promise.resolve(engine);
  if (loading) return loading;
  const unmute = muteQuirksWarning();
  loading = import(/* webpackChunkName: "katex" */ 'katex').then(
    (module) => {
      unmute();
      const katex = ((module as { default?: TexEngine }).default ?? module) as TexEngine;
      engine = katex;
      return katex;
    },
    (error: unknown) => {
      unmute();
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The warning KaTeX prints as it loads on a page without a doctype (quirks mode). */
export const QUIRKS_WARNING = /^Warning: KaTeX doesn't work in quirks mode/;

/**
 * KaTeX warns on the console as its module is evaluated when `document.compatMode` is not standards mode, although
 * renderToString (all we use) works there. The page's console must stay quiet, so while its chunk loads our own
 * world's console.warn drops that one message (and passes every other one through); then it is put back.
 */
function muteQuirksWarning(): () => void {
  if (typeof document === 'undefined' || document.compatMode === 'CSS1Compat') return () => {};
  const original = console.warn;
  const filtered = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && QUIRKS_WARNING.test(args[0])) return;
    original.apply(console, args);
  };
  console.warn = filtered;
  return () => {
    if (console.warn === filtered) console.warn = original;
  };
}

/** Whether `text` may hold TeX that KaTeX would typeset (cheap and conservative: a false yes only loads KaTeX). */
export function mayHoldTex(text: string): boolean {
  return /\$|\\\(|\\\[|"tex"\s*:/.test(text);
}
