// Own-property wrappers on `layer.apply`, shared by every listener of a layer and removed with the last one, so an
// unwatched layer carries nothing of ours. The page's call always runs first and its result is returned untouched.

import { pageGlobals, safely } from '../page-globals';

export type LayerListener = (output: unknown, args: unknown[]) => void;

interface Hooked {
  original: (...args: unknown[]) => unknown;
  wrapper: (...args: unknown[]) => unknown;
  /** The layer's own `apply` before us, if it had one (restored on removal); usually none. */
  ownBefore: PropertyDescriptor | undefined;
  listeners: Set<LayerListener>;
}

const hooked = new pageGlobals.WeakMap<object, Hooked>();
let live = 0;

/** Starts calling `listener` after every `layer.apply`; returns the function that stops it, or null if impossible. */
export function hookLayer(layer: object, listener: LayerListener): (() => void) | null {
  let h = hooked.get(layer);
  if (!h) {
    h = install(layer) ?? undefined;
    if (!h) return null;
    hooked.set(layer, h);
    live++;
  }
  const entry = h;
  entry.listeners.add(listener);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0 && hooked.get(layer) === entry) {
      hooked.delete(layer);
      live--;
      uninstall(layer, entry);
    }
  };
}

/** How many layers carry a wrapper of ours now (0 when nothing is watched). */
export function hookedLayerCount(): number {
  return live;
}

function install(layer: object): Hooked | null {
  return safely(() => {
    const original = (layer as { apply?: unknown }).apply;
    if (typeof original !== 'function') return null;
    const ownBefore = pageGlobals.getOwnPropertyDescriptor(layer, 'apply');
    if (ownBefore && !ownBefore.configurable) return null;
    const listeners = new pageGlobals.Set<LayerListener>();
    const wrapper = function apply(this: unknown, ...args: unknown[]): unknown {
      const output = pageGlobals.apply(original as (...a: unknown[]) => unknown, this, args);
      if (listeners.size > 0) {
        safely(() => {
          for (const listener of [...listeners]) safely(() => listener(output, args), undefined);
        }, undefined);
      }
      return output;
    };
    pageGlobals.defineProperty(layer, 'apply', {
      value: wrapper,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    return { original: original as Hooked['original'], wrapper, ownBefore, listeners };
  }, null);
}

function uninstall(layer: object, h: Hooked): void {
  safely(() => {
    const now = pageGlobals.getOwnPropertyDescriptor(layer, 'apply');
    // If the page wrapped our wrapper since, leave it in place: it is inert now (no listeners) and theirs still works.
    if (!now || now.value !== h.wrapper) return;
    if (h.ownBefore) pageGlobals.defineProperty(layer, 'apply', h.ownBefore);
    else delete (layer as { apply?: unknown }).apply;
  }, undefined);
}
