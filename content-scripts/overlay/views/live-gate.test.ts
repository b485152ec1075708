import { describe, expect, it } from 'vitest';
import { gateLive, type GateEnvironment } from './live-gate';

function fakeEnv(pageVisible = true) {
  const state = {
    intersection: null as ((v: boolean) => void) | null,
    visibility: null as ((v: boolean) => void) | null,
    stopped: 0,
  };
  const env: GateEnvironment = {
    observeIntersection: (_el, cb) => {
      state.intersection = cb;
      return () => state.stopped++;
    },
    observePageVisibility: (cb) => {
      state.visibility = cb;
      return () => state.stopped++;
    },
    pageVisible: () => pageVisible,
  };
  return { env, state };
}

function run(pageVisible = true) {
  const { env, state } = fakeEnv(pageVisible);
  const signals: AbortSignal[] = [];
  const outer = new AbortController();
  gateLive({} as Element, (s) => signals.push(s), outer.signal, env);
  const live = () => signals.filter((s) => !s.aborted).length;
  return { state, signals, outer, live };
}

describe('gateLive', () => {
  it('starts only once the view is on screen', () => {
    const { state, live } = run();
    expect(live()).toBe(0);
    state.intersection!(true);
    expect(live()).toBe(1);
  });

  it('stops when the view scrolls away and starts again when it comes back', () => {
    const { state, signals, live } = run();
    state.intersection!(true);
    state.intersection!(false);
    expect(live()).toBe(0);
    state.intersection!(true);
    expect(signals).toHaveLength(2);
    expect(live()).toBe(1);
  });

  it('stops while the tab is hidden, even on screen', () => {
    const { state, live } = run();
    state.intersection!(true);
    state.visibility!(false);
    expect(live()).toBe(0);
    state.visibility!(true);
    expect(live()).toBe(1);
  });

  it('does not start in a hidden tab', () => {
    const { state, live } = run(false);
    state.intersection!(true);
    expect(live()).toBe(0);
  });

  it('aborts everything and stops observing when closed', () => {
    const { state, outer, live } = run();
    state.intersection!(true);
    outer.abort();
    expect(live()).toBe(0);
    expect(state.stopped).toBe(2);
    state.intersection!(true);
    expect(live()).toBe(0);
  });
});
