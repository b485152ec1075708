// The bridge's weights-digest request and reply: well-formed ones pass unchanged, anything else is not a message.
import { describe, expect, it } from 'vitest';
import { wrap } from './bridge';
import { parseContentMessage, parsePageMessage } from './bridge-validate';

const nonce = 'n'.repeat(16);
const digest = { digest: 'a'.repeat(64), weights: 8, bytes: 106_644, ms: 3.5, skipped: 0 };
const page = (m: object) => parsePageMessage(wrap('page', m as never), () => null);

describe('weights-digest messages', () => {
  it('passes a well-formed request and reply through', () => {
    const request = { kind: 'weights-digest', nonce, requestId: 'r1', modelId: 'm1' } as const;
    expect(parseContentMessage(wrap('content', request))).toEqual(request);
    const reply = { kind: 'weights-digest-result', nonce, requestId: 'r1', digest, error: null } as const;
    expect(page(reply)).toEqual(reply);
    expect(page({ ...reply, digest: null, error: 'model not found' })).toEqual({
      ...reply,
      digest: null,
      error: 'model not found',
    });
  });

  it('refuses a digest that is not 64 lower-case hex, negative counts or a request without a model', () => {
    const reply = { kind: 'weights-digest-result', nonce, requestId: 'r1', error: null };
    for (const bad of [
      { ...digest, digest: 'A'.repeat(64) },
      { ...digest, digest: 'a'.repeat(63) },
      { ...digest, weights: -1 },
      { ...digest, ms: Number.NaN },
      { ...digest, bytes: '12' },
      'a'.repeat(64),
    ])
      expect(page({ ...reply, digest: bad })).toBeNull();
    expect(
      parseContentMessage(wrap('content', { kind: 'weights-digest', nonce, requestId: 'r1' } as never)),
    ).toBeNull();
  });
});
