// The bridge's gradient request and reply: well-formed ones pass unchanged; wrong sizes, the page's last input as the
// picture, a negative class or an unbounded map are not messages.
import { describe, expect, it } from 'vitest';
import { wrap } from './bridge';
import { parseContentMessage, parseGradientMap, parsePageMessage } from './bridge-validate';

const nonce = 'n'.repeat(16);
const page = (m: object) => parsePageMessage(wrap('page', m as never), () => null);
const content = (m: object) => parseContentMessage(wrap('content', m as never));
const floats = (n: number) => new Float32Array(n).fill(0.5).buffer;
const map = () => ({
  height: 2,
  width: 3,
  magnitude: floats(6),
  gradTimesInput: floats(6),
  score: 0.25,
  ms: 12.5,
});

describe('gradient messages', () => {
  it('passes a well-formed request and its three kinds of reply through', () => {
    const image = { type: 'image', width: 2, height: 2, rgba: new Uint8Array(16).buffer } as const;
    const request = { kind: 'gradient', nonce, requestId: 'r1', modelId: 'm1', input: image, classIndex: 3 };
    expect(content(request)).toEqual(request);
    const tensor = { type: 'tensor', shape: [1, 1, 1, 2], values: [0.5, 1] } as const;
    expect(content({ ...request, input: tensor })).toEqual({ ...request, input: tensor });
    const reply = {
      kind: 'gradient-result',
      nonce,
      requestId: 'r1',
      map: map(),
      error: null,
      unsupported: false,
    };
    expect(page(reply)).toEqual(reply);
    const limit = { ...reply, map: null, error: 'gradients: op X has no gradient', unsupported: true };
    expect(page(limit)).toEqual(limit);
    const failed = { ...reply, map: null, error: 'model not found' };
    expect(page(failed)).toEqual(failed);
  });

  it('refuses the page’s last input, a bad class, and maps of the wrong size', () => {
    const request = { kind: 'gradient', nonce, requestId: 'r1', modelId: 'm1', classIndex: 0 };
    expect(content({ ...request, input: { type: 'last-input' } })).toBeNull();
    const tensor = { type: 'tensor', shape: [1], values: [1] };
    for (const classIndex of [-1, 1.5, '2', 1 << 30])
      expect(content({ ...request, input: tensor, classIndex })).toBeNull();
    expect(parseGradientMap(map())).not.toBeNull();
    for (const bad of [
      { ...map(), magnitude: floats(5) },
      { ...map(), gradTimesInput: floats(7) },
      { ...map(), height: 0 },
      { ...map(), height: 4096, width: 4096, magnitude: floats(1), gradTimesInput: floats(1) },
      { ...map(), score: Number.NaN },
      { ...map(), ms: -1 },
      { ...map(), magnitude: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] },
    ])
      expect(parseGradientMap(bad)).toBeNull();
    const reply = { kind: 'gradient-result', nonce, requestId: 'r1', error: null, unsupported: false };
    expect(page({ ...reply, map: { ...map(), width: 4 } })).toBeNull();
    expect(page({ ...reply, map: null, unsupported: 'yes' })).toBeNull();
  });
});
