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

  it("fills a bundled page's tf.js version into engines the hook could not ask, and keeps it when they repeat", () => {
    const state = new FrameState(() => 'http://127.0.0.1/');
    const engine = {
      id: 'e1',
      backend: 'webgl',
      tfjsVersion: null,
      versionClass: '3.x+' as const,
      late: false,
    };
    state.apply({ kind: 'engine', nonce: 'n', engine });
    expect(state.lacksVersion).toBe(true);
    expect(state.setBundledVersion('4.22.0')).toBe(true);
    expect(state.lacksVersion).toBe(false);
    expect(state.snapshot().engines[0]!.tfjsVersion).toBe('4.22.0');
    // The hook says it again (a new snapshot): the version read from the page's scripts stays.
    expect(state.apply({ kind: 'engine', nonce: 'n', engine })).toBe(false);
    expect(state.snapshot().engines[0]!.tfjsVersion).toBe('4.22.0');
    // An engine whose version the hook knows keeps the hook's word.
    state.apply({ kind: 'engine', nonce: 'n', engine: { ...engine, id: 'e2', tfjsVersion: '1.7.4' } });
    expect(state.snapshot().engines.find((e) => e.id === 'e2')!.tfjsVersion).toBe('1.7.4');
  });

  it("fills a bundled page's ONNX Runtime Web version into sessions the hook could not tell it of", () => {
    const state = new FrameState(() => 'http://127.0.0.1/');
    const model = {
      id: 'onnx-1',
      kind: 'graph' as const,
      name: 'model.onnx',
      sourceUrl: null,
      nodes: 0,
      params: 0,
      backend: 'wasm',
      runtime: 'onnx' as const,
      runtimeVersion: null,
    };
    state.apply({ kind: 'model', nonce: 'n', model });
    expect(state.lacksOrtVersion).toBe(true);
    expect(state.setBundledOrtVersion('1.31.1')).toBe(true);
    expect(state.lacksOrtVersion).toBe(false);
    expect(state.snapshot().models[0]!.runtimeVersion).toBe('1.31.1');
    // The hook reports the session again: the version read from the page's scripts stays.
    expect(state.apply({ kind: 'model', nonce: 'n', model })).toBe(false);
    expect(state.snapshot().models[0]!.runtimeVersion).toBe('1.31.1');
    // A session whose version the hook knew keeps the hook's word.
    state.apply({ kind: 'model', nonce: 'n', model: { ...model, id: 'onnx-2', runtimeVersion: '1.22.0' } });
    expect(state.snapshot().models.find((m) => m.id === 'onnx-2')!.runtimeVersion).toBe('1.22.0');
  });
});
