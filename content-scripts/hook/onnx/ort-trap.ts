// Catches ONNX Runtime Web's backends the first time a session needs one, whether the page loads `ort` by script tag
// or bundles it (transformers.js does; there is no global then). onnxruntime-common initializes a backend with
// `backendInfo.initPromise = backend.init(name)` on a plain `{ backend, priority }` record, in every release since
// 1.14; a one-shot setter on Object.prototype sees that assignment before the first session is created, and the
// backend's `createInferenceSessionHandler(pathOrBuffer, options)` is then wrapped to learn each session: what it
// was created from and its handler (inputNames, outputNames, run). The wrapper returns the original promise.

import { trapAssignments } from '../assignment-trap';
import { pageGlobals, read, safely } from '../page-globals';

export interface OrtSessionFound {
  /** ORT's session handler: `inputNames`, `outputNames`, `run(feeds, fetches, options)`. */
  handler: object;
  /** The URL string or the bytes (Uint8Array) the page passed to InferenceSession.create. */
  source: string | Uint8Array | null;
  /** Execution providers left after ORT dropped unavailable ones (e.g. webgpu in a browser without it). */
  executionProviders: string[];
  /**
   * The backend's own (unwrapped) createInferenceSessionHandler: makes a reader-only session handler the page never
   * sees (no model is recorded for it), for intermediate values on demand.
   */
  createHandler?: (model: Uint8Array, options: object) => Promise<object>;
}

export type OrtSessionListener = (found: OrtSessionFound) => void;

const TRAPPED = 'initPromise';
const CREATE = 'createInferenceSessionHandler';

/** The record's `backend`, when it is an ORT backend (read as an own data property: no page getter runs). */
function ortBackend(record: object): object | null {
  const d = safely(() => pageGlobals.getOwnPropertyDescriptor(record, 'backend'), undefined);
  const backend: unknown = d && 'value' in d ? d.value : undefined;
  if (!backend || typeof backend !== 'object') return null;
  const ok = typeof read(backend, CREATE) === 'function' && typeof read(backend, 'init') === 'function';
  return ok && 'priority' in record ? backend : null;
}

function providerNames(options: unknown): string[] {
  return safely(() => {
    const eps = read(options, 'executionProviders');
    if (!pageGlobals.isArray(eps)) return [];
    const names: string[] = [];
    for (let i = 0; i < eps.length && i < 8; i++) {
      const ep: unknown = eps[i];
      const name = typeof ep === 'string' ? ep : read(ep, 'name');
      if (typeof name === 'string' && name.length <= 32) names.push(name);
    }
    return names;
  }, []);
}

function wrapBackend(backend: object, onSession: OrtSessionListener, wrapped: WeakSet<object>): void {
  if (wrapped.has(backend)) return;
  const original = read(backend, CREATE);
  if (typeof original !== 'function') return;
  wrapped.add(backend);
  const wrapper = function createInferenceSessionHandler(this: unknown, ...args: unknown[]): unknown {
    const result = pageGlobals.apply(original as (...a: unknown[]) => unknown, this, args);
    safely(() => {
      const [pathOrBuffer, options] = args;
      const source =
        typeof pathOrBuffer === 'string' || pathOrBuffer instanceof pageGlobals.Uint8Array
          ? pathOrBuffer
          : null;
      const executionProviders = providerNames(options);
      (result as Promise<unknown>).then(
        (handler) =>
          safely(() => {
            if (handler && typeof handler === 'object')
              onSession({
                handler,
                source: source as string | Uint8Array | null,
                executionProviders,
                createHandler: (model, opts) =>
                  pageGlobals.apply(original as (...a: unknown[]) => unknown, backend, [
                    model,
                    opts,
                  ]) as Promise<object>,
              });
          }, undefined),
        () => undefined,
      );
    }, undefined);
    return result;
  };
  safely(() => {
    pageGlobals.defineProperty(backend, CREATE, {
      value: wrapper,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }, undefined);
}

/** Installs the trap; `onSession` hears of every session ORT creates from then on. */
export function trapOrtSessions(onSession: OrtSessionListener): void {
  const wrapped = new pageGlobals.WeakSet<object>();
  trapAssignments(TRAPPED, (record) => {
    const backend = ortBackend(record);
    if (backend) wrapBackend(backend, onSession, wrapped);
  });
}

/** ONNX Runtime Web's version, when the page exposes `ort` (script tag) or the `Symbol.for('onnxruntime')` global. */
export function ortVersion(): string | null {
  return safely(() => {
    const g = pageGlobals.global;
    for (const ort of [read(g, 'ort'), (g as Record<symbol, unknown>)[Symbol.for('onnxruntime')]]) {
      const version = read(read(read(ort, 'env'), 'versions'), 'web');
      if (typeof version === 'string' && version.length <= 64) return version;
    }
    return null;
  }, null);
}
