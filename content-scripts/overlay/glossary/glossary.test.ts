import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_GLOSSARY } from './activations';
import { GRAPH_OP_GLOSSARY } from './graph-ops';
import { LAYER_GLOSSARY } from './layers';
import { explainNode, lookupActivation, lookupOp } from './lookup';

const all = [
  ...Object.entries(LAYER_GLOSSARY).map(([k, v]) => [`layer ${k}`, v] as const),
  ...Object.entries(GRAPH_OP_GLOSSARY).map(([k, v]) => [`op ${k}`, v] as const),
  ...Object.entries(ACTIVATION_GLOSSARY).map(([k, v]) => [`activation ${k}`, v] as const),
];

describe('glossary entries', () => {
  it.each(all)('%s has a plain sentence and an equation KaTeX renders without trust', (_name, entry) => {
    expect(entry.title.length).toBeGreaterThan(1);
    expect(entry.summary).toMatch(/^[A-Z].{15,}\.$/s);
    expect(() =>
      katex.renderToString(entry.tex, {
        displayMode: true,
        throwOnError: true,
        trust: false,
        strict: 'error',
      }),
    ).not.toThrow();
  });

  it('uses no TeX command that needs trust or loads anything', () => {
    for (const [, entry] of all)
      expect(entry.tex).not.toMatch(/\\(href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)/);
  });
});

describe('lookupOp', () => {
  it('finds layer classes and graph ops, with the model kind deciding shared names', () => {
    expect(lookupOp('Dense')?.family).toBe('dense');
    expect(lookupOp('Conv2D', 'layers')?.tex).toContain('f\\Big(');
    expect(lookupOp('Conv2D', 'graph')?.tex).not.toContain('f\\Big(');
    expect(lookupOp('DepthwiseConv2dNative', 'graph')?.title).toBe('Depthwise convolution');
  });

  it('tolerates case, version suffixes and leading underscores', () => {
    expect(lookupOp('fusedbatchnormv3', 'graph')?.family).toBe('normalization');
    expect(lookupOp('FusedBatchNormV9', 'graph')?.family).toBe('normalization');
    expect(lookupOp('__FusedConv2D', 'graph')?.title).toBe('Fused 2-D convolution');
    expect(lookupOp('ResizeBilinearV2', 'graph')?.family).toBe('resize');
  });

  it('returns null for what it does not know', () => {
    expect(lookupOp('TotallyMadeUpOp')).toBeNull();
    expect(lookupOp('')).toBeNull();
    expect(lookupActivation('nope')).toBeNull();
  });

  it('reads activations in either spelling', () => {
    expect(lookupActivation('hard_sigmoid')?.title).toBe('Hard sigmoid');
    expect(lookupActivation('hardSigmoid')?.title).toBe('Hard sigmoid');
  });
});

describe('explainNode', () => {
  it('adds the activation a layer names, but not linear', () => {
    const dense = explainNode({ op: 'Dense', attrs: { activation: 'relu', units: 4 } }, 'layers');
    expect(dense.op?.title).toBe('Fully connected');
    expect(dense.activation).toMatchObject({ name: 'relu', entry: { title: 'ReLU' } });
    expect(explainNode({ op: 'Dense', attrs: { activation: 'linear' } }, 'layers').activation).toBeNull();
  });

  it('reads the activation of fused graph ops', () => {
    const fused = explainNode({ op: '_FusedConv2D', attrs: { fused_ops: ['BiasAdd', 'Relu6'] } }, 'graph');
    expect(fused.activation?.name).toBe('Relu6');
    expect(fused.activation?.entry?.title).toBe('ReLU6');
    expect(
      explainNode({ op: '_FusedMatMul', attrs: { fused_ops: ['BiasAdd'] } }, 'graph').activation,
    ).toBeNull();
  });

  it('explains an Activation layer by the function it applies', () => {
    const act = explainNode({ op: 'Activation', attrs: { activation: 'softmax' } }, 'layers');
    expect(act.op?.title).toBe('Activation: Softmax');
    expect(act.activation).toBeNull();
  });
});
