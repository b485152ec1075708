// The built-ins the hook relies on, captured at document_start before any page script can replace them.

const g = globalThis as typeof globalThis & Record<string, unknown>;

export const pageGlobals = {
  global: g,
  defineProperty: Object.defineProperty,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  hasOwn: Object.prototype.hasOwnProperty,
  objectPrototype: Object.prototype,
  isArray: Array.isArray,
  apply: Reflect.apply,
  WeakRef: typeof WeakRef === 'function' ? WeakRef : undefined,
  WeakMap,
  Map,
  Set,
  Promise,
  queueMicrotask: typeof queueMicrotask === 'function' ? queueMicrotask.bind(g) : undefined,
  setTimeout: g.setTimeout.bind(g) as typeof setTimeout,
  clearTimeout: g.clearTimeout.bind(g) as typeof clearTimeout,
  now: typeof performance !== 'undefined' ? performance.now.bind(performance) : Date.now,
  postMessage:
    typeof g.postMessage === 'function' ? (g.postMessage as Window['postMessage']).bind(g) : undefined,
  addEventListener:
    typeof g.addEventListener === 'function'
      ? (g.addEventListener as Window['addEventListener']).bind(g)
      : undefined,
  location: typeof location !== 'undefined' ? location : undefined,
  Response: typeof Response === 'function' ? Response : undefined,
  responseJson: typeof Response === 'function' ? Response.prototype.json : undefined,
  ArrayBuffer,
  Float32Array,
  Int32Array,
  Uint8Array,
  JSON: { stringify: JSON.stringify, parse: JSON.parse },
};

/** Runs `fn`, swallowing anything it throws: nothing from the hook may ever reach the page. */
export function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** Reads a property without letting a throwing getter escape. */
export function read(obj: unknown, key: string): unknown {
  if (obj === null || obj === undefined) return undefined;
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Schedules work after the current task, using the captured timer so a page that stubs timers cannot stop us. */
export function later(fn: () => void, ms = 0): void {
  pageGlobals.setTimeout(() => safely(fn, undefined), ms);
}
