// The built-ins the hook relies on, captured at document_start before any page script can replace them.

const g = globalThis as typeof globalThis & Record<string, unknown>;

type Getter = (this: unknown) => unknown;
type Method = (this: unknown, ...args: unknown[]) => unknown;

/** An accessor's getter or setter as it is now, before a page script can patch the prototype. */
function accessor(ctor: unknown, key: string, kind: 'get' | 'set'): Getter | undefined {
  if (typeof ctor !== 'function') return undefined;
  const proto = (ctor as { prototype?: object }).prototype;
  const d = proto ? Object.getOwnPropertyDescriptor(proto, key) : undefined;
  return d?.[kind] as Getter | undefined;
}

function method(ctor: unknown, key: string): Method | undefined {
  if (typeof ctor !== 'function') return undefined;
  const fn = ((ctor as { prototype?: Record<string, unknown> }).prototype ?? {})[key];
  return typeof fn === 'function' ? (fn as Method) : undefined;
}

export const pageGlobals = {
  global: g,
  defineProperty: Object.defineProperty,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  hasOwn: Object.prototype.hasOwnProperty,
  objectPrototype: Object.prototype,
  isArray: Array.isArray,
  apply: Reflect.apply,
  WeakRef: typeof WeakRef === 'function' ? WeakRef : undefined,
  FinalizationRegistry: typeof FinalizationRegistry === 'function' ? FinalizationRegistry : undefined,
  WeakMap,
  WeakSet,
  Map,
  Set,
  Promise,
  queueMicrotask: typeof queueMicrotask === 'function' ? queueMicrotask.bind(g) : undefined,
  setTimeout: g.setTimeout.bind(g) as typeof setTimeout,
  clearTimeout: g.clearTimeout.bind(g) as typeof clearTimeout,
  requestAnimationFrame:
    typeof g.requestAnimationFrame === 'function'
      ? (g.requestAnimationFrame as typeof requestAnimationFrame).bind(g)
      : undefined,
  now: typeof performance !== 'undefined' ? performance.now.bind(performance) : Date.now,
  postMessage:
    typeof g.postMessage === 'function' ? (g.postMessage as Window['postMessage']).bind(g) : undefined,
  addEventListener:
    typeof g.addEventListener === 'function'
      ? (g.addEventListener as Window['addEventListener']).bind(g)
      : undefined,
  location: typeof location !== 'undefined' ? location : undefined,
  Response: typeof Response === 'function' ? Response : undefined,
  fetch: typeof g.fetch === 'function' ? (g.fetch as typeof fetch).bind(g) : undefined,
  responseJson: typeof Response === 'function' ? Response.prototype.json : undefined,
  ArrayBuffer,
  Float32Array,
  Int32Array,
  Uint8Array,
  JSON: { stringify: JSON.stringify, parse: JSON.parse },
  /**
   * What the bridge's handshake reads and calls, as they are at document_start: a page that later patches
   * MessageEvent's getters, Event.prototype.stopImmediatePropagation or MessagePort's methods changes nothing here.
   */
  handshake: {
    data: accessor(g.MessageEvent, 'data', 'get'),
    source: accessor(g.MessageEvent, 'source', 'get'),
    ports: accessor(g.MessageEvent, 'ports', 'get'),
    stopImmediatePropagation: method(g.Event, 'stopImmediatePropagation'),
    portPostMessage: method(g.MessagePort, 'postMessage'),
    portClose: method(g.MessagePort, 'close'),
    setPortOnMessage: accessor(g.MessagePort, 'onmessage', 'set'),
  },
};

/**
 * Reads a MessageEvent field through the getter captured at document_start. The browser only ever hands us real
 * MessageEvents, for which that getter works; a plain object (unit tests' fake events) falls back to its own field.
 */
export function eventField(event: unknown, key: 'data' | 'source' | 'ports'): unknown {
  const getter = pageGlobals.handshake[key];
  if (getter) {
    try {
      return pageGlobals.apply(getter, event, []);
    } catch {}
  }
  return read(event, key);
}

/** Calls a method captured at document_start on `target`, or (not a platform object: tests) its own. */
export function callCaptured(
  captured: Method | undefined,
  target: unknown,
  key: string,
  args: unknown[],
): unknown {
  if (captured) {
    try {
      return pageGlobals.apply(captured, target, args);
    } catch {}
  }
  const own = read(target, key);
  return typeof own === 'function' ? pageGlobals.apply(own as Method, target, args) : undefined;
}

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
