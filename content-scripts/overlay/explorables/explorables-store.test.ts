// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeInputSource } from '../../../cli/check/image-source';
import { makePack, pointsModel, testModel, type TestModel } from '../../../cli/check/test-support';
import type { Annotation, Pack } from '../../../annotations/format/types';
import type { ModelInput, ModelRunner, NodeValues } from '../../../annotations/checks/types';
import { bindControlValues, controlValueText } from './control-values';
import { ExplorablesStore } from './explorables-store';

let points: TestModel;
beforeAll(async () => {
  points = await testModel(pointsModel);
});

function pack(): Pack {
  return makePack(
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
          value: -2,
        },
      },
      {
        id: 'q-example',
        kind: 'predict',
        motivation: 'questioning',
        body: { type: 'Predict', example: 'origin', question: 'At the origin?', options: ['a', 'b', 'c'] },
      },
      {
        id: 'q',
        kind: 'predict',
        motivation: 'questioning',
        body: { type: 'Predict', control: 'x', setting: 2, question: 'x = 2?', options: ['a', 'b', 'c'] },
      },
    ],
  );
}

/** The real runner, counting runs and holding each until released (to see which settings actually run). */
function gated(runner: ModelRunner) {
  const runs: number[] = [];
  const waiting: (() => void)[] = [];
  const wrapped: ModelRunner = {
    async run(input: ModelInput, ids: string[], signal: AbortSignal): Promise<NodeValues[]> {
      if (input.type === 'tensor') runs.push(input.values[0] as number);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return runner.run(input, ids, signal);
    },
  };
  return { wrapped, runs, release: () => waiting.splice(0).forEach((r) => r()) };
}

const store = (runner: ModelRunner) =>
  new ExplorablesStore({
    pack: pack(),
    graphs: new Map([['p', points.graph]]),
    runners: new Map([['p', runner]]),
    inputs: nodeInputSource,
    timeoutMs: 5000,
  });

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ExplorablesStore', () => {
  it('runs a slider setting on the model, and only the latest of those asked while one runs', async () => {
    const gate = gated(points.runner);
    const s = store(gate.wrapped);
    expect(s.control('x')).toMatchObject({ setting: -2, status: 'idle' });
    const first = s.set('x', -1);
    void s.set('x', 0.5);
    void s.set('x', 2);
    await tick();
    expect(s.control('x')?.status).toBe('running');
    gate.release();
    await tick();
    await tick();
    gate.release();
    await first;
    expect(gate.runs).toEqual([-1, 2]);
    expect(s.control('x')).toMatchObject({ setting: 2, status: 'done' });
    expect(s.control('x')?.top[0]?.label).toBe('a');
  });

  it('keeps the answer hidden until the reader has guessed, then moves the control to the question’s setting', async () => {
    const s = store(points.runner);
    const changes: string[] = [];
    s.subscribe((id) => changes.push(id));
    await s.reveal('q');
    expect(s.predict('q')).toEqual({ guess: null, revealed: false });
    s.guess('q', 'b');
    await s.reveal('q');
    expect(s.predict('q')).toEqual({ guess: 'b', revealed: true });
    expect(s.control('x')).toMatchObject({ setting: 2, status: 'done' });
    expect(s.control('x')?.top[0]?.label).toBe('a');
    s.guess('q', 'a');
    expect(s.predict('q').guess).toBe('b');
    expect(changes).toContain('q');
  });

  it('reveals the answer for a question about an example', async () => {
    const s = store(points.runner);
    s.guess('q-example', 'c');
    await s.reveal('q-example');
    expect(s.predict('q-example')).toEqual({ guess: 'c', revealed: true });
    const answer = s.control('q-example');
    expect(answer?.status).toBe('done');
    // logits [0, 0, 0]: a three-way tie, the first class wins.
    expect(answer?.top.map((t) => t.label)).toEqual(['a', 'b', 'c']);
    expect(answer?.top[0]?.score).toBeCloseTo(1 / 3, 5);
  });

  it('says why a run failed', async () => {
    const failing: ModelRunner = { run: () => Promise.reject(new Error('backend lost')) };
    const s = store(failing);
    await s.set('x', 1);
    expect(s.control('x')).toMatchObject({ status: 'error' });
    expect(s.control('x')?.error).toMatch(/backend lost/);
  });

  it('fills {{@control.stat}} placeholders and keeps them current', async () => {
    const s = store(points.runner);
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML =
      '<p><span data-lit-control-value="@x.top1">…</span> <span data-lit-control-value="@x.score" data-lit-format=".1%">…</span> <span data-lit-control-value="@x.value" data-lit-format=".1f">…</span></p>';
    const unbind = bindControlValues(doc.body, s);
    expect(doc.body.textContent).toBe('… … -2.0');
    await s.set('x', 2);
    expect(doc.body.textContent).toMatch(/^a \d+\.\d% 2\.0$/);
    unbind();
    await s.set('x', -2);
    expect(doc.body.textContent).toMatch(/^a \d+\.\d% 2\.0$/);
    expect(controlValueText(undefined, 'top1', undefined, undefined)).toBe('—');
  });
});
