import { beforeAll, describe, expect, it } from 'vitest';
import { nodeInputSource } from '../../cli/check/image-source';
import {
  makePack,
  pngDataUrl,
  pointsModel,
  sidesModel,
  testModel,
  type TestModel,
} from '../../cli/check/test-support';
import type { Annotation, ControlAnnotation, Pack } from '../format/types';
import { applyControlParam } from './control-input';
import { controlById, runControl } from './explore';
import { makeRunContext, runPack } from './run-pack';
import type { CheckOutcome } from './types';

let sides: TestModel;
let points: TestModel;
beforeAll(async () => {
  sides = await testModel(sidesModel);
  points = await testModel(pointsModel);
});

const scale = { normalize: { mean: [0], std: [1] }, dtype: 'float32' as const };

describe('applyControlParam', () => {
  const grey = new Float32Array(16).fill(0.5);
  it('lays a black patch at the slider position along its axis, the other coordinate fixed', () => {
    const out = applyControlParam(grey, [1, 4, 4, 1], scale, { type: 'patch', axis: 'x', size: 2, at: 1 }, 2);
    expect(out).toBeInstanceOf(Float32Array);
    const rows = Array.from({ length: 4 }, (_, y) =>
      Array.from((out as Float32Array).slice(y * 4, y * 4 + 4)),
    );
    expect(rows).toEqual([
      [0.5, 0.5, 0.5, 0.5],
      [0.5, 0.5, 0, 0],
      [0.5, 0.5, 0, 0],
      [0.5, 0.5, 0.5, 0.5],
    ]);
    expect(grey[6]).toBe(0.5);
  });
  it('uses the black pixel of the input scale (−1 for mean 0.5, std 0.5)', () => {
    const out = applyControlParam(
      new Float32Array(16),
      [1, 4, 4, 1],
      { normalize: { mean: [0.5], std: [0.5] }, dtype: 'float32' },
      { type: 'patch', axis: 'y', size: 1, at: 0 },
      3,
    ) as Float32Array;
    expect(out[12]).toBe(-1);
    expect(out.filter((v) => v !== 0).length).toBe(1);
  });
  it('sets one feature, shifts, brightens with clamping, and says why it cannot', () => {
    expect(
      Array.from(
        applyControlParam(
          new Float32Array([1, 2]),
          [1, 2],
          scale,
          { type: 'feature', index: 1 },
          7,
        ) as Float32Array,
      ),
    ).toEqual([1, 7]);
    expect(
      applyControlParam(new Float32Array([1, 2]), [1, 2], scale, { type: 'feature', index: 2 }, 7),
    ).toMatch(/out of range/);
    const bright = applyControlParam(grey, [1, 4, 4, 1], scale, { type: 'brightness' }, 0.8) as Float32Array;
    expect(bright[0]).toBe(1);
    const shifted = applyControlParam(
      new Float32Array([1, 2, 3, 4]),
      [1, 1, 4, 1],
      scale,
      { type: 'shift', axis: 'x' },
      1,
    ) as Float32Array;
    expect(Array.from(shifted)).toEqual([0, 1, 2, 3]);
    expect(applyControlParam(new Float32Array([1, 2]), [1, 2], scale, { type: 'brightness' }, 0.1)).toMatch(
      /picture-shaped/,
    );
    expect(applyControlParam(grey, [1, 4, 4, 1], scale, { type: 'brightness' }, NaN)).toMatch(/not a number/);
  });
});

/** A 4×4 picture white on the left half, black on the right: the sides model says 'left'. */
const leftWhite = () => pngDataUrl(4, 4, (x) => (x < 2 ? 255 : 0));

function sidesPack(extra: Partial<Annotation>[] = []): Pack {
  return makePack(
    [{ alias: 's', labels: ['left', 'right'] }],
    [
      { id: 'white-left', kind: 'example', body: { input: { image: leftWhite() } } } as Partial<Annotation>,
      {
        id: 'white-right',
        kind: 'example',
        body: { input: { image: pngDataUrl(4, 4, (x) => (x >= 2 ? 255 : 0)) } },
      } as Partial<Annotation>,
      {
        id: 'patch',
        kind: 'control',
        motivation: 'describing',
        body: {
          type: 'Control',
          control: 'slider',
          label: 'Patch position',
          example: 'white-left',
          param: { type: 'patch', axis: 'x', size: 4, at: 0 },
          min: 0,
          max: 2,
          step: 1,
        },
      },
      {
        id: 'pick',
        kind: 'control',
        motivation: 'describing',
        body: {
          type: 'Control',
          control: 'choice',
          label: 'Picture',
          options: ['white-left', 'white-right'],
        },
      },
      ...extra,
    ],
  );
}

const compare = (id: string, fields: object): Partial<Annotation> =>
  ({ id, kind: 'check', body: { check: 'compare', ...fields } }) as Partial<Annotation>;

describe('compare checks and control runs on a real tf.js model', () => {
  it("runs a slider: covering the white half lowers 'left'", async () => {
    const pack = sidesPack();
    const ctx = makeRunContext(
      pack,
      new Map([['s', sides.graph]]),
      new Map([['s', sides.runner]]),
      nodeInputSource,
      {},
    );
    const control = controlById(pack, 'patch') as ControlAnnotation;
    const open = await runControl(ctx, control, 2);
    const covered = await runControl(ctx, control, 0);
    expect(open.top[0]?.label).toBe('left');
    expect(covered.values.values[0]).toBeLessThan(open.values.values[0] as number);
    expect(covered.values.values[0]).toBeCloseTo(0.5, 3);
  });

  it('passes a true claim, fails a false one, and names what it saw', async () => {
    const pack = sidesPack([
      compare('lowers', {
        control: 'patch',
        a: 0,
        b: 2,
        output: 'left',
        relation: 'less',
        claim: 'Covering the white half lowers the score.',
      }),
      compare('raises', { control: 'patch', a: 0, b: 2, output: 'left', relation: 'greater' }),
      compare('margin-too-big', { control: 'patch', a: 0, b: 2, output: 0, relation: 'less', margin: 0.9 }),
      compare('choice', {
        control: 'pick',
        a: 'white-right',
        b: 'white-left',
        output: 'right',
        relation: 'greater',
      }),
    ]);
    const result = await runPack(
      pack,
      new Map([['s', sides.graph]]),
      new Map([['s', sides.runner]]),
      nodeInputSource,
    );
    const by = (id: string) => result.checks.find((c) => c.id === id) as CheckOutcome;
    expect(by('lowers').status).toBe('pass');
    expect(by('lowers').message).toMatch(
      /'left' is 0\.5 with 4 px patch at x = 0, lower than 1 with 4 px patch at x = 2/,
    );
    expect(by('raises').status).toBe('fail');
    expect(by('raises').message).toMatch(/not higher/);
    expect(by('margin-too-big').status).toBe('fail');
    expect(by('choice').status).toBe('pass');
    expect(by('choice').kind).toBe('behavioural');
  });

  it('sweeps a vector feature with a slider', async () => {
    const pack = makePack(
      [{ alias: 'p', labels: ['a', 'b', 'c'] }],
      [
        { id: 'origin', kind: 'example', body: { input: { tensor: [[0, 0]] } } } as Partial<Annotation>,
        {
          id: 'x',
          kind: 'control',
          motivation: 'describing',
          body: {
            type: 'Control',
            control: 'slider',
            label: 'x',
            example: 'origin',
            param: { type: 'feature', index: 0 },
            min: -2,
            max: 2,
          },
        },
        compare('x-raises-a', { control: 'x', a: 2, b: -2, output: 'a', relation: 'greater', margin: 0.5 }),
        compare('bad-index', { control: 'x', a: 2, b: -2, output: 9, relation: 'greater' }),
      ],
    );
    const result = await runPack(
      pack,
      new Map([['p', points.graph]]),
      new Map([['p', points.runner]]),
      nodeInputSource,
    );
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['x-raises-a', 'pass'],
      ['bad-index', 'could-not-run'],
    ]);
    expect(result.checks[1]?.message).toMatch(/output 9 is out of range/);
  });
});
