// Catches the tf.js engine the moment tfjs-core creates it (`globalThis._tfengine = new Engine()`), in every version.

import { pageGlobals, read, safely } from './page-globals';

export type EngineListener = (engine: object, late: boolean) => void;

const ENGINE_KEY = '_tfengine';

/**
 * Installs an accessor on `globalThis._tfengine`. On the first assignment it turns back into a plain data property
 * (so tf.js pays nothing per access afterwards) and tells `onEngine`. If tf.js got there first (the hook was injected
 * into an already-open tab), the engine is reported at once as `late`.
 */
export function trapEngine(onEngine: EngineListener): void {
  const g = pageGlobals.global;
  const existing = safely(() => pageGlobals.getOwnPropertyDescriptor(g, ENGINE_KEY), undefined);
  if (existing) {
    const value = 'value' in existing ? existing.value : safely(() => read(g, ENGINE_KEY), undefined);
    if (value && typeof value === 'object') onEngine(value as object, true);
    return;
  }
  // tf.js ≤ 1.0 kept the engine at ENV.engine: those pages are reported late, by polling once the page has loaded.
  let captured: unknown;
  const ok = safely(() => {
    pageGlobals.defineProperty(g, ENGINE_KEY, {
      configurable: true,
      enumerable: false,
      get() {
        return captured;
      },
      set(value: unknown) {
        captured = value;
        safely(() => {
          pageGlobals.defineProperty(g, ENGINE_KEY, {
            value,
            writable: true,
            configurable: true,
            enumerable: true,
          });
        }, undefined);
        if (value && typeof value === 'object') safely(() => onEngine(value as object, false), undefined);
      },
    });
    return true;
  }, false);
  if (!ok) return;
}

/** What we can tell about the engine's tf.js version without side effects. */
export function engineVersionClass(engine: object): '1.x' | '2.x' | '3.x+' | 'unknown' {
  return safely(() => {
    const globals = read(pageGlobals.global, '_tfGlobals');
    if (globals instanceof pageGlobals.Map) return globals.has('Tensor') ? '3.x+' : '2.x';
    if (read(engine, 'state')) return '1.x';
    return 'unknown';
  }, 'unknown' as const);
}

/** tf.js's version string, when the page has a global `tf` (script-tag pages); bundled pages do not. */
export function globalTfVersion(): string | null {
  return safely(() => {
    const tf = read(pageGlobals.global, 'tf');
    const version = read(read(tf, 'version'), 'tfjs') ?? read(tf, 'version_core');
    return typeof version === 'string' && version.length < 32 ? version : null;
  }, null);
}

/** The active backend's name: a plain field on the engine, read without touching the `backend` getter. */
export function engineBackendName(engine: object): string | null {
  const name = read(engine, 'backendName');
  return typeof name === 'string' && name.length < 64 ? name : null;
}
