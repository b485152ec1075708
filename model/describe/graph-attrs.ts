// Decodes GraphDef node attributes from their proto-JSON form (base64 strings, int64 as text, enum dtypes) into
// the plain values a reader expects: padding 'SAME', strides [1,2,2,1], data_format 'NHWC', T 'float32'.
import { LIMITS, finite, get, keys, list, shape, text } from './safe-read';
import type { AttrValue, NodeAttrs } from './types';
import type { Shape } from '../model-graph';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Text of a base64 proto `bytes` value; the base64 itself when the bytes are not printable ASCII. */
export function base64Text(encoded: string): string {
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (let i = 0; i < encoded.length && i < 4 * LIMITS.text; i++) {
    const value = BASE64.indexOf(encoded.charAt(i));
    if (value < 0) continue;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return /^[\x20-\x7e]*$/.test(out) ? out : encoded;
}

/** tf.js dtype name of a TensorFlow DataType, given as its enum name ('DT_FLOAT') or number (1). */
export function dtypeName(v: unknown): string | null {
  const byNumber = [
    '',
    'float32',
    'float64',
    'int32',
    'uint8',
    'int16',
    'int8',
    'string',
    'complex64',
    'int64',
    'bool',
  ];
  if (typeof v === 'number') return v === 19 ? 'float16' : (byNumber[v] ?? null) || null;
  const name = text(v, 64);
  if (name === null) return null;
  const plain = name.replace(/^DT_/, '').toLowerCase();
  return { float: 'float32', double: 'float64', half: 'float16' }[plain] ?? plain;
}

/** The Shape of a TensorShapeProto ({dim: [{size: '-1'}, …]}); null for unknown rank. */
export function protoShape(p: unknown): Shape | null {
  if (get(p, 'unknownRank') === true) return null;
  return shape(list(get(p, 'dim'), LIMITS.dims).map((d) => get(d, 'size') ?? -1));
}

function listValue(l: unknown): AttrValue | undefined {
  for (const field of ['s', 'i', 'f', 'type', 'shape', 'b']) {
    const items = list(get(l, field), LIMITS.items);
    if (items.length === 0) continue;
    if (field === 'b') return undefined;
    if (field === 'shape') return items.map((s) => (protoShape(s) ?? []).join('x'));
    return items.map((x) =>
      field === 's' ? base64Text(text(x) ?? '') : field === 'type' ? dtypeName(x) : finite(Number(x)),
    );
  }
  return [];
}

/** The value of one AttrValue proto-JSON object; undefined for tensors and kinds we do not show. */
export function attrValue(v: unknown): AttrValue | undefined {
  const s = text(get(v, 's'));
  if (s !== null) return base64Text(s);
  for (const field of ['i', 'f']) {
    const n = get(v, field);
    if (n !== undefined) return finite(Number(n));
  }
  const b = get(v, 'b');
  if (typeof b === 'boolean') return b;
  const type = get(v, 'type');
  if (type !== undefined) return dtypeName(type);
  const dims = get(v, 'shape');
  if (dims !== undefined) return protoShape(dims);
  const l = get(v, 'list');
  if (l !== undefined) return listValue(l);
  const func = text(get(get(v, 'func'), 'name'), 200);
  return func ?? undefined;
}

/** Decoded attributes of a node, leaving out Const values (weights) and internal '_'-prefixed attributes. */
export function decodeAttrs(attr: unknown): NodeAttrs {
  const out: NodeAttrs = Object.create(null);
  for (const key of keys(attr, LIMITS.items)) {
    if (key === 'value' || key.startsWith('_')) continue;
    const value = attrValue(get(attr, key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}
