import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputDelay, INPUT_DELAY_MS, type DelayHost } from './input-delay';

function fakeHost(initiallyShown: boolean) {
  let shown = initiallyShown;
  let changed: () => void = () => undefined;
  const host: DelayHost = {
    shown: () => shown,
    watch: (fn) => ((changed = fn), () => (changed = () => undefined)),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  return {
    host,
    show: (on: boolean) => {
      shown = on;
      changed();
    },
  };
}

describe('InputDelay', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('arms only after the window has been shown and focused for the delay', () => {
    const { host } = fakeHost(true);
    const seen: boolean[] = [];
    const delay = new InputDelay(host, (a) => seen.push(a));
    expect(delay.ready).toBe(false);
    vi.advanceTimersByTime(INPUT_DELAY_MS - 1);
    expect(delay.ready).toBe(false);
    vi.advanceTimersByTime(1);
    expect(delay.ready).toBe(true);
    expect(seen).toEqual([true]);
  });

  it('does not count time while hidden or unfocused, and starts over after a blur', () => {
    const { host, show } = fakeHost(false);
    const delay = new InputDelay(host, () => undefined, 500);
    vi.advanceTimersByTime(5_000);
    expect(delay.ready).toBe(false);
    show(true);
    vi.advanceTimersByTime(400);
    show(false); // the page's window took focus back: the clock restarts
    show(true);
    vi.advanceTimersByTime(400);
    expect(delay.ready).toBe(false);
    vi.advanceTimersByTime(100);
    expect(delay.ready).toBe(true);
    show(false);
    expect(delay.ready).toBe(false);
    show(true);
    vi.advanceTimersByTime(499);
    expect(delay.ready).toBe(false);
    vi.advanceTimersByTime(1);
    expect(delay.ready).toBe(true);
  });

  it('stops watching when stopped', () => {
    const { host, show } = fakeHost(true);
    const delay = new InputDelay(host, () => undefined, 500);
    delay.stop();
    vi.advanceTimersByTime(1_000);
    show(true);
    vi.advanceTimersByTime(1_000);
    expect(delay.ready).toBe(false);
  });
});
