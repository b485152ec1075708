// The inputs a transformers.js-style text model takes beside its token ids, and what its tokenizer puts in them
// for one unpadded sequence: so an example that gives only the ids can run (in the page's probe and in checks).

/** Input name → the value at position `i` of the sequence. */
export const COMPANION_INPUTS: Readonly<Record<string, (position: number) => number>> = {
  attention_mask: () => 1,
  token_type_ids: () => 0,
  position_ids: (position) => position,
};

/** True when every input after the first is one the probe can fill from the first's shape. */
export function onlyCompanionsAfterFirst(inputNames: readonly string[]): boolean {
  return inputNames.length >= 1 && inputNames.slice(1).every((name) => Object.hasOwn(COMPANION_INPUTS, name));
}

/** The values of companion input `name` for a [batch, sequence] shape (row-major), or null if it is not one. */
export function companionValues(name: string, shape: readonly number[]): number[] | null {
  const fill = Object.hasOwn(COMPANION_INPUTS, name) ? COMPANION_INPUTS[name]! : null;
  if (!fill) return null;
  const length = shape.length ? shape[shape.length - 1]! : 1;
  const size = shape.reduce((a, d) => a * d, 1);
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = fill(i % Math.max(1, length));
  return out;
}
