// One way to see objects being built by code that publishes nothing (bundled tf.js, ONNX Runtime inside
// transformers.js): a one-shot setter on Object.prototype hears the first assignment of a property name on any object,
// makes it the object's own data property (later reads and writes are plain) and hands the object over.

import { pageGlobals, safely } from './page-globals';

/**
 * Traps assignments of `prop`. Does nothing (and returns false) when Object.prototype already has the property: the
 * page's own, or a trap installed before. Values assigned to frozen receivers are kept in a WeakMap, so their reads
 * behave as before. `onAssigned` runs after the value is in place, inside `safely`.
 */
export function trapAssignments(prop: string, onAssigned: (receiver: object) => void): boolean {
  const proto = pageGlobals.objectPrototype;
  if (safely(() => pageGlobals.getOwnPropertyDescriptor(proto, prop), undefined)) return false;
  const frozenValues = new pageGlobals.WeakMap<object, unknown>();
  return safely(() => {
    pageGlobals.defineProperty(proto, prop, {
      configurable: true,
      enumerable: false,
      get(this: object) {
        return safely(() => frozenValues.get(this), undefined);
      },
      set(this: object, value: unknown) {
        const defined = safely(() => {
          pageGlobals.defineProperty(this, prop, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          });
          return true;
        }, false);
        if (!defined) safely(() => frozenValues.set(this, value), undefined);
        if (this && typeof this === 'object') safely(() => onAssigned(this), undefined);
      },
    });
    return true;
  }, false);
}
