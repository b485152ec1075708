// The hook's re-entrancy guard: while our own tf ops or a probe run, wrappers pass every call straight through,
// so we never capture our own work (nor recurse through it).

let depth = 0;

/** True while the hook itself is running tf code. */
export function hookBusy(): boolean {
  return depth > 0;
}

/** Runs `fn` as the hook's own work. */
export function asHook<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}
