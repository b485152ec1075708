import { describe, expect, it } from 'vitest';
import { attrValue, base64Text, decodeAttrs, dtypeName, protoShape } from './graph-attrs';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('graph attrs', () => {
  it('decodes base64 bytes to text, keeping binary as base64', () => {
    expect(base64Text('U0FNRQ==')).toBe('SAME');
    expect(base64Text('TkhXQw==')).toBe('NHWC');
    expect(base64Text(b64('BiasAdd'))).toBe('BiasAdd');
    expect(base64Text('')).toBe('');
    expect(base64Text('/wA=')).toBe('/wA=');
  });

  it('names dtypes from enum names and numbers', () => {
    expect(
      ['DT_FLOAT', 'DT_INT32', 'DT_BOOL', 'DT_HALF', 'DT_STRING', 1, 3, 10, 19, 99, null].map(dtypeName),
    ).toEqual([
      'float32',
      'int32',
      'bool',
      'float16',
      'string',
      'float32',
      'int32',
      'bool',
      'float16',
      null,
      null,
    ]);
  });

  it('decodes each AttrValue kind', () => {
    expect(attrValue({ s: 'U0FNRQ==' })).toBe('SAME');
    expect(attrValue({ i: '-3' })).toBe(-3);
    expect(attrValue({ f: 0.001 })).toBe(0.001);
    expect(attrValue({ b: false })).toBe(false);
    expect(attrValue({ type: 'DT_FLOAT' })).toBe('float32');
    expect(attrValue({ shape: { dim: [{ size: '-1' }, { size: '224' }] } })).toEqual([null, 224]);
    expect(attrValue({ shape: { unknownRank: true } })).toBeNull();
    expect(attrValue({ list: { i: ['1', '2', '2', '1'] } })).toEqual([1, 2, 2, 1]);
    expect(attrValue({ list: { s: [b64('BiasAdd'), b64('Relu')] } })).toEqual(['BiasAdd', 'Relu']);
    expect(attrValue({ list: { type: ['DT_FLOAT', 'DT_INT32'] } })).toEqual(['float32', 'int32']);
    expect(attrValue({ list: {} })).toEqual([]);
    expect(attrValue({ func: { name: 'while_body_1' } })).toBe('while_body_1');
    expect(attrValue({ tensor: { dtype: 'DT_FLOAT' } })).toBeUndefined();
  });

  it('leaves out Const values and internal attributes', () => {
    const attrs = decodeAttrs({
      value: { tensor: {} },
      _output_shapes: { list: { shape: [] } },
      dtype: { type: 'DT_FLOAT' },
    });
    expect({ ...attrs }).toEqual({ dtype: 'float32' });
  });

  it('reads TensorShapeProto dims', () => {
    expect(protoShape({ dim: [{ size: '1' }, { size: '-1' }, {}] })).toEqual([1, null, null]);
    expect(protoShape({})).toEqual([]);
  });
});
