import { describe, expect, it } from 'vitest';
import { computeStaleness, runPack, type ModelRunner, type PackRunResult } from '../../../annotations/checks';
import { makePack, pointsModel, testModel } from '../../../cli/check/test-support';
import { ChecksController, type ChecksDeps } from './checks-controller';
import { expectedText, formatNumber, formatValue } from './format';
import { reportFileName } from './report-file';
import { claimCounts, examplesLine, mergeRun, NO_RESULTS, summaryLine } from './results';

const pointsPack = () =>
  makePack(
    [{ alias: 'p', labels: ['a', 'b', 'c'] }],
    [
      {
        id: 'ex-a',
        kind: 'example',
        body: { input: { tensor: [[2, 0]] }, expected: { top1: 'a' } } as never,
      },
      {
        id: 'ex-b',
        kind: 'example',
        body: { input: { tensor: [[0, 2]] }, expected: { top1: 'c' } } as never,
      },
      { id: 'top1-a', kind: 'check', body: { check: 'top1', example: 'ex-a' } as never },
      { id: 'params', kind: 'check', body: { check: 'params', expected: 9 } as never },
    ],
  );

async function controller(runner?: ModelRunner, timeoutMs = 2000) {
  const model = await testModel(pointsModel);
  const deps: ChecksDeps = {
    pack: pointsPack(),
    graphs: new Map([['p', model.graph]]),
    runners: new Map([['p', runner ?? model.runner]]),
    inputs: {
      image: () => Promise.reject(new Error('no pictures here')),
      element: () => Promise.reject(new Error('needs the page')),
    },
    runPack,
    computeStaleness,
    timeoutMs,
  };
  return new ChecksController(deps);
}

describe('checks controller (with the real engine and a real tf.js model)', () => {
  it('runs nothing until asked, then every example and check, merged by id in pack order', async () => {
    const c = await controller();
    c.assess();
    expect(c.snapshot().staleness?.stale).toBe(false);
    expect(c.snapshot().results.byId.size).toBe(0);
    const seen: number[] = [];
    c.subscribe((s) => s.progress && seen.push(s.progress.done));
    const run = await c.runAll();
    expect(run?.examples.map((e) => [e.id, e.status])).toEqual([
      ['ex-a', 'pass'],
      ['ex-b', 'fail'],
    ]);
    expect(run?.checks.map((e) => [e.id, e.status])).toEqual([
      ['top1-a', 'pass'],
      ['params', 'pass'],
    ]);
    expect(Math.max(...seen)).toBe(4);
    expect(c.busy).toBe(false);
    expect(c.complete).toBe(true);
    expect(summaryLine(claimCounts(c.checkIds, c.snapshot().results.byId))).toBe('2 of 2 claims hold');
  });

  it('runs one item on its own and keeps the others', async () => {
    const c = await controller();
    await c.runOne('ex-b');
    expect([...c.snapshot().results.byId.keys()]).toEqual(['ex-b']);
    expect(c.snapshot().results.byId.get('ex-b')?.message).toMatch(/a/);
    expect(c.complete).toBe(false);
  });

  it('a model that never answers cannot stall it: could-not-run after the time limit, then idle again', async () => {
    const hanging: ModelRunner = { run: () => new Promise(() => undefined) };
    const c = await controller(hanging, 50);
    const run = await c.runAll();
    expect(run?.examples.every((e) => e.status === 'could-not-run' && /timed out/.test(e.message))).toBe(
      true,
    );
    // Structural checks need no run: they still pass.
    expect(run?.checks.find((x) => x.id === 'params')?.status).toBe('pass');
    expect(c.busy).toBe(false);
  });

  it('one run at a time; Cancel ends a run with could-not-run "cancelled"', async () => {
    const hanging: ModelRunner = { run: () => new Promise(() => undefined) };
    const c = await controller(hanging, 60_000);
    const first = c.runAll();
    expect(c.busy).toBe(true);
    expect(await c.runOne('ex-a')).toBeNull();
    c.cancel();
    const run = await first;
    expect(run?.examples.map((e) => e.message)).toEqual(['cancelled', 'cancelled']);
    expect(c.busy).toBe(false);
  });
});

describe('results', () => {
  const run = (id: string, status: 'pass' | 'fail', at: string): PackRunResult => ({
    pack: { id: 'p', title: 'P', version: '1' },
    startedAt: at,
    finishedAt: at,
    models: [],
    examples: [],
    checks: [
      {
        id,
        model: 'm',
        check: 'params',
        kind: 'structural',
        status,
        observed: 1,
        expected: 1,
        message: '',
        ms: 0,
      },
    ],
    staleness: { models: [], stale: false },
    summary: { pass: 0, fail: 0, couldNotRun: 0, ran: 0 },
  });

  it('merges runs: later results replace earlier ones, pack order kept, summary recounted', () => {
    let r = mergeRun(NO_RESULTS, run('b', 'fail', '2026-01-02'), ['a', 'b']);
    r = mergeRun(r, run('a', 'pass', '2026-01-03'), ['a', 'b']);
    r = mergeRun(r, run('b', 'pass', '2026-01-04'), ['a', 'b']);
    expect(r.merged?.checks.map((c) => [c.id, c.status])).toEqual([
      ['a', 'pass'],
      ['b', 'pass'],
    ]);
    expect(r.merged?.summary).toEqual({ pass: 2, fail: 0, couldNotRun: 0, ran: 0 });
    expect(r.merged?.startedAt).toBe('2026-01-02');
  });

  it('says how many claims hold, fail, could not run or have not run', () => {
    const byId = mergeRun(NO_RESULTS, run('a', 'fail', 'x'), ['a']).byId;
    expect(summaryLine(claimCounts(['a', 'b'], new Map()))).toBe('2 claims, not checked yet');
    expect(summaryLine(claimCounts(['a', 'b'], byId))).toBe('0 of 2 claims hold · 1 fails · 1 not run yet');
    expect(summaryLine(claimCounts([], byId))).toBe('No claims to check');
    expect(examplesLine(['a', 'b'], byId)).toBe('1 of 2 examples run (1 fails)');
    expect(examplesLine(['b'], byId)).toBe('0 of 1 example run');
    const ran = new Map([['e', { ...run('e', 'pass', 'x').checks[0]!, status: 'ran' as never }]]);
    expect(examplesLine(['e'], ran)).toBe('1 of 1 example run');
  });
});

describe('formatting', () => {
  it('writes numbers short and lists cut', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(26661)).toBe('26661');
    expect(formatNumber(1e-7)).toBe('1.000e-7');
    expect(formatValue([null, 28, 28, 8])).toBe('[—, 28, 28, 8]');
    expect(formatValue(Array.from({ length: 20 }, (_, i) => i))).toMatch(/, … 8 more\]$/);
    expect(formatValue({ index: 1, label: 'b', score: 0.5 })).toBe('index: 1, label: b, score: 0.5');
    expect(formatValue('x'.repeat(500)).length).toBe(240);
  });

  it('says what an example expects, with class labels', () => {
    expect(expectedText({ top1: 2 }, ['a', 'b', 'c'])).toBe('top-1 c');
    expect(expectedText({ values: [0.5], tolerance: 0.01 }, null)).toBe('values [0.5] ± 0.01');
    expect(expectedText(null, null)).toBe('nothing stated');
  });

  it('names report files safely', () => {
    expect(reportFileName('https://x.org/packs/a b', new Date('2026-11-26T09:30:00.123Z'))).toBe(
      'literate-report-https-x.org-packs-a-b-2026-11-26T09-30-00Z.html',
    );
  });
});
