import { describe, expect, it } from 'vitest';
import type { TabState } from '../../protocol/runtime';
import { localBadgeTitle } from './badge-title';

const engine = { tfjsVersion: '4.22.0', versionClass: '3.x+', backend: 'webgl', late: false };
const model = { id: 'm1', name: 'seq', kind: 'layers', nodes: 3, params: 10 };
const tab = (engines: object[], models: object[]): TabState =>
  ({
    tabId: 1,
    frames: [{ frameId: 0, frameUrl: 'http://127.0.0.1/', engines, models }],
  }) as unknown as TabState;

describe('the toolbar tooltip', () => {
  it('counts the models with the backend, asks for a reload when Literate came late, says when there is no tf.js', () => {
    expect(localBadgeTitle(tab([engine], [model]))).toBe('Literate: 1 model found (webgl)');
    expect(localBadgeTitle(tab([{ ...engine, late: true }], [model, { ...model, id: 'm2' }]))).toBe(
      'Literate: 2 models found (webgl) — reload the page to see models built before Literate started',
    );
    expect(localBadgeTitle(tab([], []))).toBe('Literate: no TensorFlow.js on this page');
  });
});
