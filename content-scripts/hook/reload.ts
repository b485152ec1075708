// Loads a model the page let go of (and the browser reclaimed) again from the URL it came from, with the page's own
// tf.js, for an open explanation: its fingerprint must equal the one recorded before use. The copy lives beside the
// page's tensors (the page's models and backend are untouched) and is disposed when the explanation closes.

import { pageGlobals, read, safely } from './page-globals';

type Loader = (url: string) => Promise<unknown>;

export interface ReloadSource {
  kind: 'layers' | 'graph';
  url: string;
  /** The page's GraphModel class, remembered when the model was found (bundled pages have no global `tf`). */
  graphClass: unknown;
  /** The fingerprint recorded while the page held the model. */
  fingerprint: string;
}

/** The page's tf.js loader for `kind`: the global namespace's, else (graph models) the remembered class. */
export function findLoader(kind: 'layers' | 'graph', graphClass: unknown): Loader | null {
  const tf = read(pageGlobals.global, 'tf');
  const named = read(tf, kind === 'layers' ? 'loadLayersModel' : 'loadGraphModel');
  if (typeof named === 'function') return (url) => pageGlobals.apply(named, tf, [url]) as Promise<unknown>;
  if (kind === 'graph' && typeof graphClass === 'function') {
    return async (url) => {
      const model = new (graphClass as new (url: string) => object)(url);
      const load = read(model, 'load');
      if (typeof load !== 'function') throw new Error('the page’s GraphModel cannot load');
      await (pageGlobals.apply(load, model, []) as Promise<unknown>);
      return model;
    };
  }
  return null;
}

/** Disposes a model Literate loaded (its weights leave the page's engine). */
export function disposeModel(model: object): void {
  safely(() => {
    const dispose = read(model, 'dispose');
    if (typeof dispose === 'function') pageGlobals.apply(dispose, model, []);
  }, undefined);
}

/**
 * Loads the model again and checks it is the same one (`fingerprintOf` the copy equals the recorded fingerprint);
 * a copy that differs is disposed and refused.
 */
export async function reloadModel(
  source: ReloadSource,
  fingerprintOf: (object: object) => string | null,
): Promise<object> {
  const loader = findLoader(source.kind, source.graphClass);
  if (!loader) throw new Error('this page’s tf.js offers no loader Literate can call');
  const loaded = await loader(source.url);
  if (!loaded || typeof loaded !== 'object') throw new Error('loading the model again gave nothing');
  const fingerprint = safely(() => fingerprintOf(loaded), null);
  if (fingerprint !== source.fingerprint) {
    disposeModel(loaded);
    throw new Error(`the model at ${source.url} is no longer the one the page ran (its fingerprint differs)`);
  }
  return loaded;
}
