// Records the final URL (after redirects) and topology of every model.json the page fetches, to name model sources.
// Installed only once an engine exists; pages without tf.js never have Response.prototype.json wrapped.

import { pageGlobals, read, safely } from './page-globals';

export interface FetchedModelJson {
  url: string;
  format: string | null;
  /** The parsed modelTopology object (identical to a GraphModel's artifacts.modelTopology). */
  topology: unknown;
  /** Layer names, for matching a LayersModel (which keeps no URL) to the file it came from. */
  layerNames: string[];
  time: number;
}

const MAX_RECORDS = 64;

export function captureModelJson(records: FetchedModelJson[]): void {
  const R = pageGlobals.Response;
  if (!R) return;
  const original = safely(() => R.prototype.json, undefined);
  if (typeof original !== 'function') return;
  const wrapper = function json(this: Response, ...args: unknown[]): Promise<unknown> {
    const result = original.apply(this, args as []);
    safely(() => {
      result.then(
        (value: unknown) => safely(() => record(this, value, records), undefined),
        () => undefined,
      );
    }, undefined);
    return result;
  };
  safely(() => {
    pageGlobals.defineProperty(R.prototype, 'json', {
      value: wrapper,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }, undefined);
}

function record(response: Response, value: unknown, records: FetchedModelJson[]): void {
  if (!value || typeof value !== 'object') return;
  const topology = read(value, 'modelTopology');
  const manifest = read(value, 'weightsManifest');
  if (!topology && !manifest) return;
  if (records.length >= MAX_RECORDS) records.shift();
  const url = read(response, 'url');
  const format = read(value, 'format');
  records.push({
    url: typeof url === 'string' ? url.slice(0, 4096) : '',
    format: typeof format === 'string' ? format.slice(0, 64) : null,
    topology,
    layerNames: layerNamesOf(topology),
    time: pageGlobals.now(),
  });
}

/** Layer names from a Keras/tfjs-layers topology (functional, Sequential old and new style); bounded. */
export function layerNamesOf(topology: unknown): string[] {
  return safely(() => {
    let config = read(read(topology, 'model_config'), 'config') ?? read(topology, 'config');
    if (!config && read(topology, 'class_name')) config = read(topology, 'config');
    const layers = pageGlobals.isArray(config) ? config : read(config, 'layers');
    if (!pageGlobals.isArray(layers)) return [];
    const names: string[] = [];
    for (let i = 0; i < layers.length && i < 10_000; i++) {
      const name = read(read(layers[i], 'config'), 'name') ?? read(layers[i], 'name');
      if (typeof name === 'string') names.push(name);
    }
    return names;
  }, []);
}
