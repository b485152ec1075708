import { describe, expect, it } from 'vitest';
import { mnistGraph } from '../format/testing/graphs';
import type { ModelTarget } from '../format/types';
import { matchModels } from './match-models';

const pack = (...models: ModelTarget[]) => ({ targets: { pages: ['https://*/*'], models } });
const cnn = mnistGraph();
const other = mnistGraph({
  id: 'm2',
  name: 'other',
  fingerprint: 'b'.repeat(64),
  sourceUrl: 'https://cdn.example.org/other/model.json',
});

describe('matchModels', () => {
  it('binds by fingerprint first, even when the URL differs', () => {
    const result = matchModels(
      pack({ alias: 'cnn', fingerprint: 'a'.repeat(64), url: 'https://elsewhere.org/*' }),
      [other, cnn],
    );
    expect(result.bindings[0]).toMatchObject({
      alias: 'cnn',
      graphId: 'm1',
      score: 1,
      evidence: 'fingerprint',
      stale: false,
    });
    expect(result.complete).toBe(true);
  });

  it('binds by URL, with structure as a guard', () => {
    const target: ModelTarget = {
      alias: 'cnn',
      url: 'https://*.example.org/models/mnist/*',
      structure: { nodes: [{ name: 'conv1', op: 'Conv2D' }] },
    };
    expect(matchModels(pack(target), [other, cnn]).bindings[0]).toMatchObject({
      graphId: 'm1',
      evidence: 'url',
      score: 0.8,
    });
    const failing = { ...target, structure: { nodes: [{ name: 'conv1', op: 'Dense' }] } };
    const result = matchModels(pack(failing), [cnn]);
    expect(result.bindings[0]).toMatchObject({
      graphId: null,
      reasons: ['m1 (mnist-cnn) node conv1 is Conv2D, not Dense'],
    });
    expect(result.complete).toBe(false);
  });

  it('binds by structure alone, and explains each failing constraint', () => {
    const structure = {
      kind: 'layers' as const,
      params: cnn.totals.params,
      nodes: [{ name: 'conv2', outputShape: [null, 11, 11, 16] }],
    };
    expect(matchModels(pack({ alias: 'cnn', structure }), [cnn]).bindings[0]).toMatchObject({
      graphId: 'm1',
      evidence: 'structure',
      score: 0.6,
    });
    const wrong = {
      kind: 'graph' as const,
      params: 5,
      nodeCount: 3,
      nodes: [{ name: 'conv9' }, { name: 'conv2', outputShape: [null, 12, 11, 16], params: 1 }],
    };
    const reasons = matchModels(pack({ alias: 'cnn', structure: wrong }), [cnn]).bindings[0]?.reasons;
    expect(reasons).toEqual([
      'm1 (mnist-cnn) is a layers model, not graph',
      `m1 (mnist-cnn) has ${cnn.totals.params} params, not 5`,
      'm1 (mnist-cnn) has 7 nodes, not 3',
      'm1 (mnist-cnn) has no node named conv9',
      `m1 (mnist-cnn) node conv2 has ${cnn.nodes[3]?.params} params, not 1`,
      'm1 (mnist-cnn) node conv2 outputs [null, 11, 11, 16], not [null, 12, 11, 16]',
    ]);
  });

  it('marks a binding stale when the fingerprint differs, and caps its score', () => {
    const result = matchModels(
      pack({ alias: 'cnn', fingerprint: 'c'.repeat(64), url: 'https://*.example.org/models/mnist/*' }),
      [cnn],
    );
    expect(result.bindings[0]).toMatchObject({ graphId: 'm1', stale: true, score: 0.5, evidence: 'url' });
    const onlyFingerprint = matchModels(pack({ alias: 'cnn', fingerprint: 'c'.repeat(64) }), [cnn]);
    expect(onlyFingerprint.bindings[0]?.graphId).toBeNull();
  });

  it('binds an unconstrained alias only to the only model on the page', () => {
    expect(matchModels(pack({ alias: 'm' }), [cnn]).bindings[0]).toMatchObject({
      graphId: 'm1',
      evidence: 'only-model',
      score: 0.3,
    });
    expect(matchModels(pack({ alias: 'm' }), [cnn, other]).bindings[0]?.graphId).toBeNull();
  });

  it('leaves an alias unbound when two models match equally well', () => {
    const twin = mnistGraph({ id: 'm3' });
    const result = matchModels(pack({ alias: 'cnn', fingerprint: 'a'.repeat(64) }), [cnn, twin]);
    expect(result.bindings[0]).toMatchObject({
      graphId: null,
      reasons: [expect.stringMatching(/ambiguous: m1, m3/)],
    });
  });

  it('binds several aliases one-to-one, strongest evidence first', () => {
    const result = matchModels(
      pack({ alias: 'a', structure: { kind: 'layers' } }, { alias: 'b', fingerprint: 'b'.repeat(64) }),
      [cnn, other],
    );
    expect(result.bindings.map((b) => [b.alias, b.graphId])).toEqual([
      ['a', 'm1'],
      ['b', 'm2'],
    ]);
  });

  it('treats optional aliases as not needed for completeness', () => {
    const result = matchModels(
      pack(
        { alias: 'cnn', fingerprint: 'a'.repeat(64) },
        { alias: 'extra', optional: true, url: 'https://x.org/*' },
      ),
      [cnn],
    );
    expect(result.complete).toBe(true);
    expect(result.bindings[1]).toMatchObject({ alias: 'extra', graphId: null, optional: true });
    expect(matchModels(pack({ alias: 'cnn' }), []).bindings[0]?.reasons).toEqual(['no model on this page']);
  });
});
