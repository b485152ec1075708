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
  loading ??= import(/* webpackChunkName: "katex" */ 'katex').then(
    (module) => {
      const katex = ((module as { default?: TexEngine }).default ?? module) as TexEngine;
      engine = katex;
      return katex;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Whether `text` may hold TeX that KaTeX would typeset (cheap and conservative: a false yes only loads KaTeX). */
export function mayHoldTex(text: string): boolean {
  return /\$|\\\(|\\\[|"tex"\s*:/.test(text);
}
