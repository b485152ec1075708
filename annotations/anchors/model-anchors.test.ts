import { describe, expect, it } from 'vitest';
import { mnistGraph } from '../format/testing/graphs';
import type { ModelSelector } from '../format/types';
import { compileNodePattern, resolveModelAnchor, resolveModelSelector } from './model-anchors';

const graph = mnistGraph();
const select = (fields: Omit<ModelSelector, 'type'>) =>
  resolveModelSelector({ type: 'ModelNodeSelector', ...fields }, graph);

describe('resolveModelSelector', () => {
  it('finds a node by exact name, with its output tensor', () => {
    const anchor = select({ node: 'conv1' });
    expect(anchor.status).toBe('resolved');
    if (anchor.status !== 'resolved') return;
    expect(anchor.node?.id).toBe('conv1');
    expect(anchor.tensor).toEqual({ role: 'output', shape: [null, 26, 26, 8] });
    expect(anchor.confidence).toBe(1);
  });

  it('names the closest nodes when a name is not found', () => {
    expect(select({ node: 'conv3' })).toEqual({
      status: 'orphan',
      reason: 'no node named conv3; closest: conv1, conv2',
    });
  });

  it('requires a pattern to match exactly one node', () => {
    expect(select({ pattern: 'conv*' })).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/matches 2 nodes \(conv1, conv2\)/),
    });
    expect(select({ pattern: 'conv2*' })).toMatchObject({ status: 'resolved', node: { id: 'conv2' } });
    expect(select({ pattern: '/^dense_\\d$/' })).toMatchObject({
      status: 'resolved',
      node: { id: 'dense_1' },
    });
    expect(select({ pattern: 'nothing?' })).toMatchObject({
      status: 'orphan',
      reason: 'no node matches nothing?',
    });
  });

  it('picks by op with nth, counting from the end when negative; op alone must be unique', () => {
    expect(select({ op: 'Conv2D', nth: 0 })).toMatchObject({ status: 'resolved', node: { id: 'conv1' } });
    expect(select({ op: 'Conv2D', nth: -1 })).toMatchObject({ status: 'resolved', node: { id: 'conv2' } });
    expect(select({ op: 'Conv2D', nth: 2 })).toMatchObject({
      status: 'orphan',
      reason: 'nth 2 is out of range: 2 nodes have op Conv2D',
    });
    expect(select({ op: 'Conv2D' })).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/2 nodes have op Conv2D/),
    });
    expect(select({ op: 'Dense' })).toMatchObject({ status: 'resolved', node: { id: 'dense_1' } });
    expect(select({ op: 'Conv2d' })).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/ops nearby: Conv2D/),
    });
  });

  it('treats op next to a name as a guard', () => {
    expect(select({ node: 'conv1', op: 'Conv2D' }).status).toBe('resolved');
    expect(select({ node: 'dense_1', op: 'Conv2D' })).toEqual({
      status: 'orphan',
      reason: 'dense_1 is Dense, not Conv2D',
    });
  });

  it('finds by index', () => {
    expect(select({ index: 3 })).toMatchObject({ status: 'resolved', node: { id: 'conv2' } });
    expect(select({ index: 30 }).status).toBe('orphan');
  });

  it('resolves weight roles and channels, with range checks', () => {
    expect(select({ node: 'conv1', role: 'kernel' })).toMatchObject({
      status: 'resolved',
      tensor: { role: 'kernel', shape: [3, 3, 1, 8] },
    });
    expect(select({ node: 'pool1', role: 'bias' })).toEqual({
      status: 'orphan',
      reason: 'pool1 has no bias (no weights)',
    });
    expect(select({ node: 'conv1', role: 'gamma' })).toEqual({
      status: 'orphan',
      reason: 'conv1 has no gamma (weights: kernel, bias)',
    });
    expect(select({ node: 'conv1', channel: 7 })).toMatchObject({ status: 'resolved', channel: 7 });
    expect(select({ node: 'conv1', channel: 8 })).toEqual({
      status: 'orphan',
      reason: 'channel 8 is out of range: conv1 output has 8 channels',
    });
    expect(select({ node: 'dense_1', unit: 10 })).toEqual({
      status: 'orphan',
      reason: 'unit 10 is out of range: dense_1 output has 10 units',
    });
    expect(select({ node: 'softmax', channel: 1 }).status).toBe('orphan');
  });

  it('selects the whole model when no locator is given', () => {
    expect(select({})).toMatchObject({ status: 'resolved', node: null, tensor: null });
    expect(select({ role: 'kernel' }).status).toBe('orphan');
  });

  it('needs the alias bound', () => {
    const graphs = new Map([['cnn', graph]]);
    expect(resolveModelAnchor({ type: 'ModelNodeSelector', node: 'conv1' }, graphs, 'cnn').status).toBe(
      'resolved',
    );
    expect(resolveModelAnchor({ type: 'ModelNodeSelector', model: 'other', node: 'conv1' }, graphs)).toEqual({
      status: 'orphan',
      reason: "model 'other' is not bound to a model on this page",
    });
  });

  it('compiles globs literally apart from * and ?', () => {
    expect(compileNodePattern('a.b*')?.test('a.bc')).toBe(true);
    expect(compileNodePattern('a.b*')?.test('axbc')).toBe(false);
    expect(compileNodePattern('conv?')?.test('conv12')).toBe(false);
  });
});
