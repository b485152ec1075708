import { beforeAll, describe, expect, it } from 'vitest';
import { nodeInputSource } from '../../cli/check/image-source';
import type { Annotation, Pack } from '../format/types';
import { runCheck, runExample, runPack } from './run-pack';
import {
  makePack,
  pngDataUrl,
  pointsModel,
  sidesModel,
  testModel,
  type TestModel,
} from '../../cli/check/test-support';
import type { CheckOutcome, ModelRunner, PackRunResult } from './types';

let points: TestModel;
let sides: TestModel;
beforeAll(async () => {
  points = await testModel(pointsModel);
  sides = await testModel(sidesModel);
});

const run = (pack: Pack, model: TestModel, alias = 'p', options = {}) =>
  runPack(pack, new Map([[alias, model.graph]]), new Map([[alias, model.runner]]), nodeInputSource, options);

const example = (id: string, body: object, target?: object): Partial<Annotation> =>
  ({ id, kind: 'example', body, ...(target ? { target } : {}) }) as Partial<Annotation>;
const check = (id: string, body: object, node?: string): Partial<Annotation> =>
  ({
    id,
    kind: 'check',
    body,
    ...(node ? { target: { model: { type: 'ModelNodeSelector', node } } } : {}),
  }) as Partial<Annotation>;

const outcome = (result: PackRunResult, id: string): CheckOutcome => {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no outcome ${id}`);
  return found;
};

function pointsPack(fingerprint?: string): Pack {
  return makePack(
    [
      {
        alias: 'p',
        labels: ['a', 'b', 'c'],
        ...(fingerprint ? { fingerprint } : {}),
        structure: { kind: 'layers', params: 9, nodes: [{ name: 'logits', op: 'Dense' }] },
      },
    ],
    [
      example('ex-a', { input: { tensor: [[2, 0]] }, expected: { top1: 'a' } }),
      example('ex-b-index', { input: { tensor: [[0, 2]] }, expected: { top1: 1 } }),
      example('ex-wrong', { input: { tensor: [[0, 2]] }, expected: { top1: 'a' } }),
      example('ex-values', {
        input: { tensor: [0, 0], shape: [1, 2] },
        expected: { values: [1 / 3, 1 / 3, 1 / 3], tolerance: 1e-4 },
      }),
      example('ex-values-wrong', { input: { tensor: [[0, 0]] }, expected: { values: [0.5, 0.25, 0.25] } }),
      example(
        'ex-logits',
        { input: { tensor: [[2, 0]] } },
        { model: { type: 'ModelNodeSelector', node: 'logits' } },
      ),
      example('ex-element', { input: { element: '#canvas' }, expected: { top1: 'a' } }),
      check('params-total', { check: 'params', expected: 9 }),
      check('params-wrong', { check: 'params', expected: 10 }),
      check('shape-probs', { check: 'shape', expected: [null, 3] }, 'probs'),
      check('op-logits', { check: 'op', expected: 'Dense' }, 'logits'),
      check(
        'range-probs',
        { check: 'output-range', min: 0, max: 1, examples: ['ex-a', 'ex-b-index'] },
        'probs',
      ),
      check('range-logits', { check: 'output-range', min: 0, max: 1, examples: ['ex-a'] }, 'logits'),
      check('sums-probs', { check: 'sums-to', examples: ['ex-a', 'ex-values'] }, 'probs'),
      check('sums-logits', { check: 'sums-to', value: 1, examples: ['ex-a'] }, 'logits'),
      check('top1-a', { check: 'top1', example: 'ex-a' }),
      check('top1-false', { check: 'top1', example: 'ex-a', expected: 'c' }),
      check('top1-no-claim', { check: 'top1', example: 'ex-logits' }),
      check(
        'rises',
        {
          check: 'monotonic',
          example: 'ex-a',
          inputIndex: 0,
          from: -1,
          to: 1,
          steps: 5,
          outputIndex: 0,
          direction: 'increasing',
        },
        'probs',
      ),
      check(
        'falls-false',
        {
          check: 'monotonic',
          example: 'ex-a',
          inputIndex: 0,
          from: -1,
          to: 1,
          outputIndex: 0,
          direction: 'decreasing',
        },
        'probs',
      ),
      check('bad-index', {
        check: 'monotonic',
        example: 'ex-a',
        inputIndex: 7,
        from: 0,
        to: 1,
        outputIndex: 0,
        direction: 'increasing',
      }),
      check('not-a-picture', {
        check: 'invariance',
        example: 'ex-a',
        transform: { type: 'flip', axis: 'horizontal' },
      }),
      check('element-range', { check: 'output-range', min: 0, max: 1, examples: ['ex-element'] }, 'probs'),
    ],
  );
}

describe('runPack: examples', () => {
  it('compares top-1 by label and by index, and values within tolerance', async () => {
    const result = await run(pointsPack(), points);
    const byId = new Map(result.examples.map((r) => [r.id, r]));
    expect(byId.get('ex-a')).toMatchObject({ status: 'pass', model: 'p' });
    expect(byId.get('ex-a')?.observed?.top?.[0]).toMatchObject({ index: 0, label: 'a' });
    expect(byId.get('ex-a')?.message).toMatch(/^top-1 'a' \(0\.8\d+\), as claimed$/);
    expect(byId.get('ex-b-index')?.status).toBe('pass');
    expect(byId.get('ex-values')?.status).toBe('pass');
    expect(byId.get('ex-values')?.observed?.shape).toEqual([1, 3]);
  });

  it('fails a false claim with what was seen', async () => {
    const result = await run(pointsPack(), points);
    const wrong = result.examples.find((r) => r.id === 'ex-wrong');
    expect(wrong?.status).toBe('fail');
    expect(wrong?.message).toMatch(/^top-1 'b' \(0\.8\d+\) vs claimed 'a'$/);
    const values = result.examples.find((r) => r.id === 'ex-values-wrong');
    expect(values?.status).toBe('fail');
    expect(values?.message).toBe('value 0 is 0.333, claimed 0.5 (tolerance 0.001)');
  });

  it('reads a chosen node, reports "ran" without a claim, and cannot read page elements in Node', async () => {
    const result = await run(pointsPack(), points);
    const logits = result.examples.find((r) => r.id === 'ex-logits');
    expect(logits?.status).toBe('ran');
    expect(logits?.observed?.nodeId).toBe('logits');
    expect(logits?.observed?.values).toEqual([2, 0, -2]);
    const element = result.examples.find((r) => r.id === 'ex-element');
    expect(element?.status).toBe('could-not-run');
    expect(element?.message).toMatch(/needs the page/);
  });
});

describe('runPack: checks', () => {
  let result: PackRunResult;
  beforeAll(async () => {
    result = await run(pointsPack(), points);
  });

  it('evaluates structural checks against the graph', () => {
    expect(outcome(result, 'params-total')).toMatchObject({
      status: 'pass',
      kind: 'structural',
      observed: 9,
    });
    expect(outcome(result, 'params-wrong')).toMatchObject({
      status: 'fail',
      message: 'total params: claimed 10, found 9',
    });
    expect(outcome(result, 'shape-probs').status).toBe('pass');
    expect(outcome(result, 'op-logits').status).toBe('pass');
  });

  it('output-range and sums-to hold on softmax, not on logits, naming the example and value', () => {
    expect(outcome(result, 'range-probs')).toMatchObject({ status: 'pass', kind: 'behavioural' });
    const range = outcome(result, 'range-logits');
    expect(range.status).toBe('fail');
    expect(range.message).toBe('ex-a: value 2 at index 0 is outside [0, 1]');
    expect(range.observed).toEqual({ min: -2, max: 2, examples: 1 });
    expect(outcome(result, 'sums-probs').status).toBe('pass');
    expect(outcome(result, 'sums-logits')).toMatchObject({
      status: 'fail',
      message: 'ex-a: row 0 sums to 0, not 1 ± 0.001',
    });
  });

  it('top1: the example claim, an overriding false claim, and no claim at all', () => {
    expect(outcome(result, 'top1-a').status).toBe('pass');
    const wrong = outcome(result, 'top1-false');
    expect(wrong.status).toBe('fail');
    expect(wrong.message).toMatch(/^ex-a: top-1 'a' \(0\.8\d+\) vs claimed 'c'$/);
    expect(outcome(result, 'top1-no-claim').status).toBe('could-not-run');
  });

  it('monotonic sweeps the input and reports where it breaks', () => {
    const rises = outcome(result, 'rises');
    expect(rises.status).toBe('pass');
    expect((rises.observed as { inputs: number[] }).inputs).toEqual([-1, -0.5, 0, 0.5, 1]);
    const falls = outcome(result, 'falls-false');
    expect(falls.status).toBe('fail');
    expect(falls.message).toMatch(
      /^ex-a: output 0 of probs rises from .* as input 0 goes from -1 to -0\.714$/,
    );
    expect(outcome(result, 'bad-index')).toMatchObject({
      status: 'could-not-run',
      message: 'input index 7 is out of range: the input has 2 values',
    });
  });

  it('says why a check could not run', () => {
    expect(outcome(result, 'not-a-picture').status).toBe('could-not-run');
    expect(outcome(result, 'not-a-picture').message).toMatch(/picture-shaped input/);
    expect(outcome(result, 'element-range').message).toMatch(/^ex-element: .*needs the page/);
  });

  it('summarizes', () => {
    const all = [...result.examples, ...result.checks];
    expect(result.summary).toEqual({
      pass: all.filter((x) => x.status === 'pass').length,
      fail: all.filter((x) => x.status === 'fail').length,
      couldNotRun: all.filter((x) => x.status === 'could-not-run').length,
      ran: 1,
    });
    expect(result.summary.fail).toBe(7);
    expect(result.models[0]).toMatchObject({ alias: 'p', name: 'points', kind: 'layers', backend: 'cpu' });
  });
});

describe('runPack: pictures and transforms', () => {
  const left = pngDataUrl(8, 8, (x) => (x < 3 ? 255 : 0));
  const pack = () =>
    makePack(
      [{ alias: 's', labels: ['left', 'right'] }],
      [
        example('left', { input: { image: left }, expected: { top1: 'left' } }),
        example('left-tensor', {
          input: { tensor: [1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0], shape: [1, 4, 4, 1] },
          expected: { top1: 'left' },
        }),
        check('shift', { check: 'invariance', example: 'left', transform: { type: 'shift', dx: 1, dy: 1 } }),
        check('brighter', {
          check: 'invariance',
          example: 'left',
          transform: { type: 'brightness', amount: 0.5 },
        }),
        check('flip', {
          check: 'invariance',
          example: 'left',
          transform: { type: 'flip', axis: 'horizontal' },
        }),
        check('flip-v', {
          check: 'invariance',
          example: 'left-tensor',
          transform: { type: 'flip', axis: 'vertical' },
        }),
        check('far-shift', {
          check: 'invariance',
          example: 'left-tensor',
          transform: { type: 'shift', dx: 3, dy: 0 },
        }),
      ],
    );

  it('decodes a PNG example, resizes it to the model input, and judges invariance', async () => {
    const result = await run(pack(), sides, 's');
    expect(result.examples.map((r) => [r.id, r.status])).toEqual([
      ['left', 'pass'],
      ['left-tensor', 'pass'],
    ]);
    const status = Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
    expect(status).toEqual({
      shift: 'pass',
      brighter: 'pass',
      flip: 'fail',
      'flip-v': 'pass',
      'far-shift': 'fail',
    });
    expect(outcome(result, 'flip').message).toMatch(
      /^left: top-1 changes from 'left' \((1|0\.9\d+)\) to 'right' \((1|0\.9\d+)\) after horizontal flip$/,
    );
  });
});

describe('runPack: input normalisation', () => {
  it("scales picture pixels by the example's normalize (default [0, 1])", async () => {
    const half = pngDataUrl(4, 4, (x) => (x < 2 ? 255 : 0));
    const flat = { model: { type: 'ModelNodeSelector', node: 'flat' } };
    const pack = makePack(
      [{ alias: 's' }],
      [
        example('plain', { input: { image: half } }, flat),
        example('signed', { input: { image: half, normalize: { mean: [0.5], std: [0.5] } } }, flat),
      ],
    );
    const result = await run(pack, sides, 's');
    expect(result.examples.map((r) => r.observed?.values.slice(0, 4))).toEqual([
      [1, 1, 0, 0],
      [1, 1, -1, -1],
    ]);
  });
});

describe('staleness', () => {
  it('a model swapped for another: fingerprint, structure and orphaned anchors, all reported', async () => {
    const pack = pointsPack(points.graph.fingerprint);
    const current = await run(pack, points);
    expect(current.staleness.stale).toBe(false);
    expect(current.staleness.models[0]).toMatchObject({
      fingerprintMatches: true,
      orphans: [],
      structureFailures: [],
    });

    const swapped = await run(pack, sides);
    const m = swapped.staleness.models[0];
    expect(swapped.staleness.stale).toBe(true);
    expect(m?.fingerprintMatches).toBe(false);
    expect(m?.observedFingerprint).toBe(sides.graph.fingerprint);
    expect(m?.structureFailures).toEqual(['has 34 params, not 9', 'has no node named logits']);
    expect(m?.orphans.map((o) => o.id)).toEqual(['ex-logits', 'op-logits', 'range-logits', 'sums-logits']);
    expect(m?.orphans[0]?.reason).toMatch(/^no node named logits/);
    expect(outcome(swapped, 'params-total').status).toBe('fail');
    expect(swapped.examples.find((r) => r.id === 'ex-a')?.message).toBe(
      "the example's tensor is [1, 2]; the model takes [any, 4, 4, 1]",
    );
  });

  it('reports a missing model without failing on it when optional', async () => {
    const pack = makePack(
      [{ alias: 'p' }, { alias: 'q', optional: true }],
      [check('n', { check: 'params', expected: 9 }, undefined)].map((c) => ({
        ...c,
        target: { model: { type: 'ModelNodeSelector', model: 'q' } },
      })) as Partial<Annotation>[],
    );
    const result = await runPack(pack, new Map([['p', points.graph]]), new Map(), nodeInputSource);
    expect(result.staleness.models.map((m) => [m.alias, m.present, m.stale])).toEqual([
      ['p', true, false],
      ['q', false, false],
    ]);
    expect(result.checks[0]).toMatchObject({ status: 'could-not-run', message: "model 'q' is not loaded" });
  });
});

describe('time limits and cancellation', () => {
  const never: ModelRunner = { run: () => new Promise(() => {}) };

  it('a runner that never settles gives could-not-run within the limit, not a stall', async () => {
    const pack = pointsPack();
    const result = await runPack(
      pack,
      new Map([['p', points.graph]]),
      new Map([['p', never]]),
      nodeInputSource,
      {
        timeoutMs: 30,
        only: ['ex-a', 'range-probs', 'params-total'],
      },
    );
    expect(result.examples[0]).toMatchObject({ status: 'could-not-run', message: 'timed out after 0.03 s' });
    expect(outcome(result, 'range-probs').message).toBe(
      'ex-a: timed out after 0.03 s; ex-b-index: timed out after 0.03 s',
    );
    expect(outcome(result, 'params-total').status).toBe('pass');
  });

  it('caps the model runs of a pack', async () => {
    const pack = pointsPack();
    const result = await run(pack, points, 'p', { only: ['rises'], maxProbes: 3 });
    expect(outcome(result, 'rises')).toMatchObject({
      status: 'could-not-run',
      message: 'the pack needs more than 3 model runs; stopped there',
    });
  });

  it('a cancelled run reports everything left as cancelled, and progress counts every item', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: [number, number][] = [];
    const result = await run(pointsPack(), points, 'p', {
      signal: controller.signal,
      onProgress: (done: number, total: number) => seen.push([done, total]),
    });
    expect(result.summary.pass).toBe(0);
    expect(result.examples.every((r) => r.message === 'cancelled')).toBe(true);
    expect(seen.length).toBe(result.examples.length + result.checks.length);
    expect(seen.at(-1)).toEqual([seen.length, seen.length]);
  });
});

describe('runExample and runCheck', () => {
  it('run one item by id (the overlay Run button)', async () => {
    const pack = pointsPack();
    const graphs = new Map([['p', points.graph]]);
    const runners = new Map([['p', points.runner]]);
    expect((await runExample(pack, 'ex-wrong', graphs, runners, nodeInputSource)).status).toBe('fail');
    expect((await runCheck(pack, 'top1-a', graphs, runners, nodeInputSource)).status).toBe('pass');
    expect((await runCheck(pack, 'nope', graphs, runners, nodeInputSource)).message).toBe(
      "no check 'nope' in the pack",
    );
  });
});
