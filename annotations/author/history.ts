// Undo and redo for the authoring editor, pure: a bounded stack of states where a burst of typing in one field
// counts as one step (same coalescing key), so Ctrl+Z undoes a word, not a letter, and never a whole session.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The key of the last change, to merge a burst of edits to the same field into one step. */
  lastKey: string | null;
}

export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

/**
 * Records a new state. A change with the same `key` as the one before replaces it in place (one undo step);
 * `key` null always starts a new step. A state equal to the present is ignored.
 */
export function record<T>(h: History<T>, next: T, key: string | null = null): History<T> {
  if (next === h.present) return h;
  if (key !== null && key === h.lastKey && h.past.length > 0) return { ...h, present: next, future: [] };
  const past = [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (h.past.length === 0) return h;
  return {
    past: h.past.slice(0, -1),
    present: previous as T,
    future: [h.present, ...h.future],
    lastKey: null,
  };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const [next, ...future] = h.future;
  return { past: [...h.past, h.present], present: next as T, future, lastKey: null };
}

/** Ends a burst: the next change starts a new undo step even with the same key (e.g. after a pause or blur). */
export function seal<T>(h: History<T>): History<T> {
  return h.lastKey === null ? h : { ...h, lastKey: null };
}
