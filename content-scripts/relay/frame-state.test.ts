import { describe, expect, it } from 'vitest';
import { FrameState } from './frame-state';

describe('FrameState', () => {
  it("reports the content script's own URL, never the frameUrl a page's welcome claims", () => {
    let url = 'http://127.0.0.1:8080/demo.html';
    const state = new FrameState(() => url);
    const changed = state.apply({
      kind: 'welcome',
      nonce: 'n',
      snapshot: { frameUrl: 'https://forged.example/elsewhere', engines: [], models: [] },
    });
    expect(changed).toBe(false);
    expect(state.snapshot().frameUrl).toBe('http://127.0.0.1:8080/demo.html');
    url = 'http://127.0.0.1:8080/demo.html#step';
    expect(state.snapshot().frameUrl).toBe(url);
  });
});
