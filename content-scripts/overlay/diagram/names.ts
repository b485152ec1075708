// Human names for graph nodes: 'Conv2d_3 · depthwise' instead of
// 'module_apply_default/MobilenetV1/MobilenetV1/Conv2d_3_depthwise/depthwise'. The full id stays the node's identity
// (anchors, layer view); this is only what a person reads. Pure.

/** A scope segment that names one part of a numbered block: 'Conv2d_3_depthwise' → ['Conv2d_3', 'depthwise']. */
export function splitBlock(segment: string): [string, string] | null {
  const m = /^(.*?[A-Za-z][A-Za-z0-9]*_\d+)_([A-Za-z][\w]*)$/.exec(segment);
  return m ? [m[1]!, m[2]!] : null;
}

/** Scope segments of a node id with doubled segments ('MobilenetV1/MobilenetV1') said once. */
export function scopeSegments(id: string): string[] {
  const out: string[] = [];
  for (const part of id.split('/')) if (part && part !== out[out.length - 1]) out.push(part);
  return out;
}

/** A segment that reads as an op or a generic step ('BiasAdd', 'BatchNorm') rather than a place in the model. */
function isGeneric(segment: string): boolean {
  return /^[A-Z][A-Za-z]*$/.test(segment) || /^(conv|depthwise|weights|biases|kernel|bias)$/i.test(segment);
}

/** The name a person reads: the last meaningful scope and the node's own name, joined by ' · '. */
export function humanName(id: string): string {
  const parts = scopeSegments(id);
  if (parts.length <= 1) return id;
  let start = parts.length - 2;
  while (start > 0 && isGeneric(parts[start]!)) start--;
  const words: string[] = [];
  for (const part of parts.slice(start)) {
    for (const word of splitBlock(part) ?? [part]) if (words[words.length - 1] !== word) words.push(word);
  }
  return words.join(' · ');
}
