// Learns every tfjs-layers Container and tfjs-converter GraphModel as it is constructed, without the page's help.
// tf.js assigns `this.internalContainerRefs = []` (Container) and `this.loadOptions = …` (GraphModel) in constructors,
// across 1.x–4.x; a one-shot setter on Object.prototype sees those assignments and hands the new object over.

import { trapAssignments } from './assignment-trap';

export type ConstructedListener = (kind: 'container' | 'graph-model', object: object) => void;

const TRAPPED: Record<string, 'container' | 'graph-model'> = {
  internalContainerRefs: 'container',
  loadOptions: 'graph-model',
};

/**
 * Installs the traps. Each setter turns the property into an own data property of the receiver (so later reads and
 * writes are plain), and keeps values of frozen receivers in a WeakMap so their semantics stay as before.
 */
export function trapModelConstructors(onConstructed: ConstructedListener): void {
  for (const prop of Object.keys(TRAPPED)) {
    const kind = TRAPPED[prop]!;
    trapAssignments(prop, (object) => onConstructed(kind, object));
  }
}
