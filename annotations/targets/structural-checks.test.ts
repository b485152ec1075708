import { describe, expect, it } from 'vitest';
import { mnistGraph } from '../format/testing/graphs';
import type { CheckBody, ModelSelector } from '../format/types';
import { evaluateStructuralCheck } from './structural-checks';

const graph = mnistGraph();
const run = (body: CheckBody, model?: Omit<ModelSelector, 'type'>) =>
  evaluateStructuralCheck(
    { body, ...(model ? { target: { model: { type: 'ModelNodeSelector', ...model } } } : {}) },
    graph,
  );

describe('evaluateStructuralCheck', () => {
  it('checks shapes with null as a wildcard', () => {
    expect(
      run({ type: 'Check', check: 'shape', expected: [null, 26, 26, 8] }, { node: 'conv1' }).status,
    ).toBe('pass');
    expect(run({ type: 'Check', check: 'shape', expected: [1, 26, 26, 8] }, { node: 'conv1' }).status).toBe(
      'fail',
    );
    const fail = run({ type: 'Check', check: 'shape', expected: [null, 24, 24, 8] }, { node: 'conv1' });
    expect(fail).toMatchObject({
      status: 'fail',
      observed: [null, 26, 26, 8],
      message: 'shape of conv1: claimed [null, 24, 24, 8], found [null, 26, 26, 8]',
    });
    expect(
      run({ type: 'Check', check: 'shape', expected: [3, 3, 1, 8] }, { node: 'conv1', role: 'kernel' })
        .status,
    ).toBe('pass');
    expect(run({ type: 'Check', check: 'shape', expected: [null, 10] }, { node: 'softmax' }).status).toBe(
      'could-not-run',
    );
  });

  it('checks params of a node, a weight, or the whole model', () => {
    expect(run({ type: 'Check', check: 'params', expected: 80 }, { node: 'conv1' }).status).toBe('pass');
    expect(
      run({ type: 'Check', check: 'params', expected: 72 }, { node: 'conv1', role: 'kernel' }).status,
    ).toBe('pass');
    expect(run({ type: 'Check', check: 'params', expected: graph.totals.params }).status).toBe('pass');
    expect(run({ type: 'Check', check: 'params', expected: 1 })).toMatchObject({
      status: 'fail',
      observed: graph.totals.params,
    });
  });

  it('checks ops and fingerprints', () => {
    expect(run({ type: 'Check', check: 'op', expected: 'Conv2D' }, { node: 'conv2' }).status).toBe('pass');
    expect(run({ type: 'Check', check: 'op', expected: 'Dense' }, { node: 'conv2' })).toMatchObject({
      status: 'fail',
      observed: 'Conv2D',
    });
    expect(run({ type: 'Check', check: 'fingerprint', expected: 'a'.repeat(64) }).status).toBe('pass');
    expect(run({ type: 'Check', check: 'fingerprint', expected: 'b'.repeat(64) }).status).toBe('fail');
  });

  it('cannot run when the anchor is an orphan, or the check is behavioural', () => {
    const orphan = run({ type: 'Check', check: 'op', expected: 'Conv2D' }, { node: 'conv9' });
    expect(orphan).toMatchObject({
      status: 'could-not-run',
      message: expect.stringMatching(/no node named conv9/),
    });
    expect(run({ type: 'Check', check: 'sums-to' }, { node: 'softmax' }).status).toBe('could-not-run');
  });
});
