import { describe, expect, it } from 'vitest';
import { validatePack, validatePackText } from '../format/validate';
import type { Pack } from '../format/types';
import { buildPack } from './build';
import { decompilePack } from './decompile';
import {
  addAnnotation,
  addStep,
  bumpVersion,
  emptyAnnotation,
  guardNode,
  localPointer,
  moveStep,
  newPack,
  nextId,
  nodeTarget,
  pagePatternOf,
  pageTarget,
  placeErrors,
  placeStep,
  removeAnnotation,
  removeStep,
  updateAnnotation,
  updateStep,
} from './draft';

const graph = {
  fingerprint: 'ab'.repeat(32),
  kind: 'layers' as const,
  nodes: [],
};

function threeStepPack(): Pack {
  let pack = newPack({
    pageUrl: 'http://127.0.0.1:8080/demos/draw-shapes/index.html?x=1#frag',
    title: 'My tour of the shapes',
    author: 'Ada',
    graphs: [graph],
  });
  for (const title of ['The drawing', 'The first layer', 'The answer']) pack = addStep(pack, title).pack;
  const steps = pack.steps ?? [];
  const ids: string[] = [];
  steps.forEach((s, i) => {
    const id = nextId(pack, 'note');
    ids.push(id);
    const target =
      i === 1
        ? nodeTarget('model', { id: 'conv1', op: 'Conv2D' })
        : pageTarget('http://127.0.0.1/demos/draw-shapes/', [
            { type: 'CssSelector', value: `#el-${i}` },
            { type: 'TextQuoteSelector', exact: 'Draw', prefix: '', suffix: ' a shape' },
            { type: 'TextPositionSelector', start: 10, end: 14 },
          ]);
    pack = addAnnotation(pack, emptyAnnotation('note', id, target));
    pack = updateAnnotation(pack, id, (a) =>
      a.kind === 'note'
        ? { ...a, step: s.id, body: { ...a.body, value: `Step ${i + 1}: $x^2$ **bold**` } }
        : a,
    );
  });
  return guardNode(pack, 'model', { id: 'conv1', op: 'Conv2D', outputShape: [null, 26, 26, 8] });
}

describe('draft packs', () => {
  it('a three-step pack written through the draft edits is valid, and each step highlights its note', () => {
    const pack = threeStepPack();
    const result = validatePack(pack);
    expect(result.errors).toEqual([]);
    expect(pack.targets.pages).toEqual(['http://127.0.0.1:8080/demos/draw-shapes/*']);
    expect(pack.steps?.map((s) => s.highlights)).toEqual([['note-1'], ['note-2'], ['note-3']]);
    expect(pack.targets.models[0]?.structure?.nodes).toEqual([
      { name: 'conv1', op: 'Conv2D', outputShape: [null, 26, 26, 8] },
    ]);
    expect(pack.items[1]?.target?.model).toEqual({
      type: 'ModelNodeSelector',
      model: 'model',
      node: 'conv1',
      op: 'Conv2D',
    });
  });

  it('round-trips losslessly through JSON and through literate Markdown', () => {
    const pack = threeStepPack();
    const json = JSON.stringify(pack, null, 2);
    const back = validatePackText(json);
    expect(back.ok && back.pack).toEqual(pack);
    const markdown = decompilePack(pack);
    const built = buildPack(markdown);
    expect(built.errors).toEqual([]);
    expect(built.ok && built.pack).toEqual(pack);
  });

  it('reorders steps by keyboard moves and by drop index, clamped at the ends', () => {
    const pack = threeStepPack();
    const order = (p: Pack) => p.steps?.map((s) => s.title);
    expect(order(moveStep(pack, 'step-3', -1))).toEqual(['The drawing', 'The answer', 'The first layer']);
    expect(moveStep(pack, 'step-1', -1)).toBe(pack);
    expect(order(placeStep(pack, 'step-1', 2))).toEqual(['The first layer', 'The answer', 'The drawing']);
    expect(validatePack(moveStep(pack, 'step-3', -2)).errors).toEqual([]);
  });

  it('removing a step keeps its notes outside the tour; removing a note drops it from its step', () => {
    const pack = threeStepPack();
    const without = removeStep(pack, 'step-2');
    expect(without.items.find((a) => a.id === 'note-2')?.step).toBeUndefined();
    expect(without.steps).toHaveLength(2);
    expect(removeAnnotation(pack, 'note-1').steps?.[0]?.highlights).toEqual([]);
    expect(removeStep(removeStep(removeStep(pack, 'step-1'), 'step-2'), 'step-3').steps).toBeUndefined();
  });

  it('maps validation errors to the item or step they are about, by id', () => {
    let pack = threeStepPack();
    pack = updateAnnotation(
      pack,
      'note-2',
      (a) => ({ ...a, kind: 'equation', body: { type: 'Equation', tex: '' } }) as never,
    );
    pack = updateStep(pack, 'step-1', (s) => ({ ...s, title: '' }));
    pack = { ...pack, title: '' };
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    const placed = placeErrors(pack, result.errors);
    expect(placed.get('item:note-2')?.map((e) => localPointer(e.pointer))).toContain('/body/tex');
    expect(placed.get('step:step-1')?.length).toBeGreaterThan(0);
    expect(placed.get('pack')?.some((e) => e.pointer === '/title')).toBe(true);
  });

  it('every kind starts with a body of its own kind', () => {
    for (const kind of ['note', 'equation', 'view', 'example', 'check'] as const) {
      const a = emptyAnnotation(kind, `${kind}-1`, undefined, [null, 10]);
      expect(a.kind).toBe(kind);
    }
    const example = emptyAnnotation(
      'example',
      'e',
      pageTarget('x', [{ type: 'CssSelector', value: '#canvas' }]),
    );
    expect(example.body).toEqual({ type: 'Example', input: { element: '#canvas' } });
  });

  it('bumps versions and makes page patterns', () => {
    expect(bumpVersion('1.2.3')).toBe('1.3.0');
    expect(bumpVersion('2')).toBe('3');
    expect(bumpVersion('weird')).toBe('0.1.0');
    expect(pagePatternOf('https://a.b/c/d.html')).toBe('https://a.b/c/*');
    expect(pagePatternOf('not a url')).toBe('*');
  });
});
