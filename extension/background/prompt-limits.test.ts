import { describe, expect, it } from 'vitest';
import { PromptLimiter, type PromptLimits } from './prompt-limits';

const LIMITS: PromptLimits = {
  perTab: { max: 2, windowMs: 60_000 },
  perOrigin: { max: 3, windowMs: 600_000 },
  overall: { max: 5, windowMs: 600_000 },
};

function limiter() {
  let now = 1_000_000;
  const l = new PromptLimiter(LIMITS, () => now);
  return { l, advance: (ms: number) => void (now += ms) };
}

describe('PromptLimiter', () => {
  it('allows a few windows per tab, then refuses until the window slides past', () => {
    const { l, advance } = limiter();
    expect(l.take(1, 'https://a.example')).toBe(true);
    expect(l.take(1, 'https://a.example')).toBe(true);
    expect(l.take(1, 'https://a.example')).toBe(false);
    advance(59_000);
    expect(l.take(1, 'https://a.example')).toBe(false);
    advance(1_001);
    expect(l.take(1, 'https://a.example')).toBe(true);
  });

  it('limits one page origin across tabs', () => {
    const { l } = limiter();
    expect([1, 2, 3, 4].map((tab) => l.take(tab, 'https://evil.example'))).toEqual([true, true, true, false]);
    expect(l.take(5, 'https://other.example')).toBe(true);
  });

  it('limits all windows together, and a refused attempt is not counted', () => {
    const { l, advance } = limiter();
    const origins = ['a', 'b', 'c', 'd', 'e', 'f'].map((o) => `https://${o}.example`);
    expect(origins.map((o, i) => l.take(i, o))).toEqual([true, true, true, true, true, false]);
    for (let i = 0; i < 100; i++) l.take(99, 'https://g.example');
    advance(600_001);
    expect(l.take(7, 'https://g.example')).toBe(true);
  });

  it('forgetting a tab does not reset its origin', () => {
    const { l } = limiter();
    l.take(1, 'https://evil.example');
    l.take(1, 'https://evil.example');
    l.forgetTab(1);
    expect(l.take(1, 'https://evil.example')).toBe(true);
    expect(l.take(1, 'https://evil.example')).toBe(false);
  });

  it('survives a worker restart, and restores only well-formed counts', () => {
    const { l } = limiter();
    l.take(1, 'https://evil.example');
    l.take(1, 'https://evil.example');
    let now = 1_000_000;
    const restarted = new PromptLimiter(LIMITS, () => now);
    restarted.restore(JSON.parse(JSON.stringify(l.toJSON())));
    expect(restarted.take(1, 'https://evil.example')).toBe(false);
    now += 60_001;
    expect(restarted.take(1, 'https://evil.example')).toBe(true);
    const junk = new PromptLimiter(LIMITS, () => now);
    junk.restore([['tab:1', ['x', null]], 'nope', [3, []]]);
    expect(junk.take(1, 'https://evil.example')).toBe(true);
  });

  it('holds a bounded number of keys', () => {
    const { l } = limiter();
    for (let tab = 0; tab < 1000; tab++) l.take(tab, `https://o${tab}.example`);
    expect(l.toJSON().length).toBeLessThanOrEqual(256);
  });
});
