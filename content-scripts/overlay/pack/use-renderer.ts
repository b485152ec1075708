// The pack renderer (Markdown, sanitizer, TeX hooks: ≈ 100 KB of the overlay) is its own chunk, loaded when there is
// a pack, an authoring draft or a report to render; the outline of a page without a pack never needs it. A failure
// is said to the reader by the shell.

import { useEffect, useState } from 'preact/hooks';
import type * as RenderModule from '../../../annotations/render/render-annotation';
import { reportLoadError } from '../boot/load-errors';
import { markOnce } from '../state/timing';

export type Renderer = typeof RenderModule;

let loaded: Renderer | null = null;
let loading: Promise<Renderer> | null = null;
let reported = false;

/** Loads the renderer once (retried after a failure). */
export function loadRenderer(): Promise<Renderer> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import(/* webpackChunkName: "render" */ '../../../annotations/render/render-annotation').then(
    (module) => {
      loaded = module;
      markOnce('literate:renderer-loaded');
      return module;
    },
    (error: unknown) => {
      loading = null;
      if (!reported) reportLoadError('renderer', error);
      reported = true;
      throw error;
    },
  );
  return loading;
}

/** The renderer once loaded (null before); asks for it only while `wanted`. */
export function useRenderer(wanted = true): Renderer | null {
  const [renderer, setRenderer] = useState<Renderer | null>(loaded);
  useEffect(() => {
    if (renderer || !wanted) return;
    let alive = true;
    loadRenderer().then(
      (module) => alive && setRenderer(() => module),
      () => undefined, // nothing rendered yet; the next component that needs it asks again
    );
    return () => {
      alive = false;
    };
  }, [wanted, renderer]);
  return renderer;
}
