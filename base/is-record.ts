// One test for "a plain JSON-like object" (not null, not an array), used by every validator of untrusted input.

export type Rec = Record<string, unknown>;

/** True for an object that is neither null nor an array: what JSON.parse gives for `{…}`. */
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
