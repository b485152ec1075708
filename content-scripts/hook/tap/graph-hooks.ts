// Own-property wrappers on a GraphModel executor's `execute`/`executeAsync`: the watched node names are appended to
// the outputs the page asked for and stripped from what it gets back, so the page's own run yields them, no rerun.
// A name the executor rejects is blacklisted at once and the page's call is made again exactly as it asked.

import { hookBusy } from '../guard';
import { pageGlobals, read, safely } from '../page-globals';
import { dispose, isTensor, type Tensor } from '../tensor-ops';

export interface GraphListener {
  /** Called as a page call starts: the node names this listener wants from it (empty: none this time). */
  begin(inputs: unknown): string[];
  /** The values of the wanted nodes (page-owned or about to be disposed: clone what you keep, synchronously). */
  deliver(values: Map<string, Tensor>): void;
  /** A wanted name made the executor fail; it will not be asked for again. */
  rejected?(names: string[]): void;
}

type Method = (...args: unknown[]) => unknown;

interface Hooked {
  listeners: Set<GraphListener>;
  blacklist: Set<string>;
  restore: (() => void)[];
}

const hooked = new pageGlobals.WeakMap<object, Hooked>();
let live = 0;

export function hookExecutor(executor: object, listener: GraphListener): (() => void) | null {
  let h = hooked.get(executor);
  if (!h) {
    h = install(executor) ?? undefined;
    if (!h) return null;
    hooked.set(executor, h);
    live++;
  }
  const entry = h;
  entry.listeners.add(listener);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0 && hooked.get(executor) === entry) {
      hooked.delete(executor);
      live--;
      for (const undo of entry.restore) undo();
    }
  };
}

/** How many executors carry wrappers of ours now. */
export function hookedExecutorCount(): number {
  return live;
}

function install(executor: object): Hooked | null {
  const h: Hooked = { listeners: new pageGlobals.Set(), blacklist: new pageGlobals.Set(), restore: [] };
  for (const name of ['execute', 'executeAsync'] as const) {
    const undo = safely(() => wrapMethod(executor, name, h), null);
    if (undo) h.restore.push(undo);
  }
  if (h.restore.length === 0) return null;
  return h;
}

function wrapMethod(executor: object, name: 'execute' | 'executeAsync', h: Hooked): (() => void) | null {
  const original = read(executor, name);
  if (typeof original !== 'function') return null;
  const ownBefore = pageGlobals.getOwnPropertyDescriptor(executor, name);
  if (ownBefore && !ownBefore.configurable) return null;
  const call = (self: unknown, args: unknown[]): unknown => pageGlobals.apply(original as Method, self, args);
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const plan =
      hookBusy() || h.listeners.size === 0 ? null : safely(() => planCall(h, executor, args), null);
    if (!plan) return call(this, args);
    const extended = [...args];
    extended[1] = plan.outputs.concat(plan.extras);
    if (name === 'execute') {
      let result: unknown;
      try {
        result = call(this, extended);
      } catch {
        reject(h, plan.extras);
        return call(this, args);
      }
      return finish(executor, plan, args, result);
    }
    let pending: unknown;
    try {
      pending = call(this, extended);
    } catch {
      reject(h, plan.extras);
      return call(this, args);
    }
    if (!pending || typeof (pending as Promise<unknown>).then !== 'function') return pending;
    return new pageGlobals.Promise((resolve, fail) => {
      (pending as Promise<unknown>).then(
        (result) => resolve(finish(executor, plan, args, result)),
        () => {
          reject(h, plan.extras);
          try {
            resolve(call(this, args));
          } catch (e) {
            fail(e);
          }
        },
      );
    });
  };
  pageGlobals.defineProperty(executor, name, {
    value: wrapper,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return () =>
    safely(() => {
      const now = pageGlobals.getOwnPropertyDescriptor(executor, name);
      if (!now || now.value !== wrapper) return;
      if (ownBefore) pageGlobals.defineProperty(executor, name, ownBefore);
      else delete (executor as Record<string, unknown>)[name];
    }, undefined);
}

interface CallPlan {
  outputs: string[];
  extras: string[];
  /** For each wanted name: where its tensor will be in the result. */
  wanted: Map<string, number>;
  listeners: GraphListener[];
}

function planCall(h: Hooked, executor: object, args: unknown[]): CallPlan | null {
  const outputs = args[1];
  if (!pageGlobals.isArray(outputs) || outputs.length > 4096) return null;
  const names: string[] = [];
  for (const o of outputs) {
    if (typeof o !== 'string') return null;
    names.push(o);
  }
  const nodes = read(read(executor, 'graph'), 'nodes');
  const listeners: GraphListener[] = [];
  const wanted = new pageGlobals.Map<string, number>();
  const extras: string[] = [];
  for (const listener of [...h.listeners]) {
    const asked = safely(() => listener.begin(args[0]), [] as string[]);
    if (asked.length === 0) continue;
    listeners.push(listener);
    for (const node of asked) {
      if (wanted.has(node) || h.blacklist.has(node)) continue;
      const at = indexOfOutput(names, node);
      if (at >= 0) wanted.set(node, at);
      else if (nodes && pageGlobals.hasOwn.call(nodes, node)) {
        wanted.set(node, names.length + extras.length);
        extras.push(node);
      }
    }
  }
  if (listeners.length === 0 || wanted.size === 0) return null;
  return { outputs: names, extras, wanted, listeners };
}

function indexOfOutput(outputs: string[], node: string): number {
  for (let i = 0; i < outputs.length; i++) if (outputs[i] === node || outputs[i] === `${node}:0`) return i;
  return -1;
}

function reject(h: Hooked, extras: string[]): void {
  for (const e of extras) h.blacklist.add(e);
  for (const l of [...h.listeners]) safely(() => l.rejected?.(extras), undefined);
}

/** Hands the wanted tensors to the listeners, disposes the extras we asked for, returns what the page asked for. */
function finish(executor: object, plan: CallPlan, args: unknown[], result: unknown): unknown {
  if (!pageGlobals.isArray(result)) return result;
  const n = plan.outputs.length;
  const pageResult = result.slice(0, n);
  safely(() => {
    const values = new pageGlobals.Map<string, Tensor>();
    for (const [node, at] of plan.wanted) {
      const t = result[at];
      if (isTensor(t)) values.set(node, t);
    }
    for (const l of plan.listeners) safely(() => l.deliver(values), undefined);
  }, undefined);
  safely(() => disposeExtras(executor, result.slice(n), pageResult, args[0]), undefined);
  return pageResult;
}

/** Disposes the extra outputs, except anything the page still owns: its outputs, its inputs, the model's weights. */
function disposeExtras(executor: object, extras: unknown[], pageResult: unknown[], inputs: unknown): void {
  if (extras.length === 0) return;
  const weights = weightTensors(executor);
  const keep = new pageGlobals.Set<unknown>(pageResult);
  if (inputs && typeof inputs === 'object') {
    for (const k of Object.keys(inputs).slice(0, 4096)) keep.add(read(inputs, k));
  }
  const done = new pageGlobals.Set<unknown>();
  for (const t of extras) {
    if (!isTensor(t) || keep.has(t) || done.has(t) || weights.has(t)) continue;
    done.add(t);
    dispose(t);
  }
}

const weightSets = new pageGlobals.WeakMap<object, Set<unknown>>();

/** The executor's weight tensors (a Const node's output is the weight itself), cached per weightMap object. */
export function weightTensors(executor: object): Set<unknown> {
  const map = read(executor, 'weightMap');
  if (!map || typeof map !== 'object') return new pageGlobals.Set();
  let set = weightSets.get(map);
  if (set) return set;
  set = new pageGlobals.Set();
  for (const k of Object.keys(map).slice(0, 100_000)) {
    const ts = read(map, k);
    if (pageGlobals.isArray(ts)) for (let i = 0; i < ts.length && i < 64; i++) set.add(ts[i]);
  }
  weightSets.set(map, set);
  return set;
}
