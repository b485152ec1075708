// The overlay's checks and the weights digest: nothing is hashed until a run (or a pack that pins a digest), a run
// states the digest it ran on, and a pinned digest that differs makes the pack stale — "same architecture,
// different weights" — without running anything.
import { describe, expect, it, vi } from 'vitest';
import { computeStaleness, runPack } from '../../../annotations/checks';
import { DIFFERENT_WEIGHTS } from '../../../annotations/checks/staleness';
import { makePack, pointsModel, testModel } from '../../../cli/check/test-support';
import type { WeightsDigestInfo } from '../../../model/weights-digest';
import { ChecksController } from './checks-controller';

const digestOf = (c: string): WeightsDigestInfo => ({
  digest: c.repeat(64),
  weights: 2,
  bytes: 36,
  ms: 0.4,
  skipped: 0,
});

async function controller(pin: string | undefined, page: WeightsDigestInfo) {
  const model = await testModel(pointsModel);
  const weightsDigest = vi.fn(async () => page);
  const pack = makePack(
    [{ alias: 'p', labels: ['a', 'b', 'c'], ...(pin ? { weightsDigest: pin } : {}) }],
    [
      {
        id: 'ex-a',
        kind: 'example',
        body: { input: { tensor: [[2, 0]] }, expected: { top1: 'a' } } as never,
      },
      { id: 'params', kind: 'check', body: { check: 'params', expected: 9 } as never },
    ],
  );
  const c = new ChecksController({
    pack,
    graphs: new Map([['p', model.graph]]),
    runners: new Map([['p', model.runner]]),
    inputs: {
      image: () => Promise.reject(new Error('none')),
      element: () => Promise.reject(new Error('none')),
    },
    runPack,
    computeStaleness,
    weightsDigest,
    timeoutMs: 2000,
  });
  return { c, weightsDigest };
}

describe('checks controller: weights digest', () => {
  it('hashes nothing on load without a pin; a run hashes once and states the digest', async () => {
    const { c, weightsDigest } = await controller(undefined, digestOf('a'));
    c.assess();
    await new Promise((r) => setTimeout(r, 10));
    expect(weightsDigest).not.toHaveBeenCalled();
    const run = await c.runAll();
    expect(weightsDigest).toHaveBeenCalledTimes(1);
    expect(run?.models[0]?.weights?.digest).toBe('a'.repeat(64));
    expect(run?.staleness.stale).toBe(false);
  });

  it('a pack pinned to other weights is stale on load, before anything runs', async () => {
    const { c, weightsDigest } = await controller('b'.repeat(64), digestOf('a'));
    c.assess();
    await vi.waitFor(() => expect(c.snapshot().staleness?.stale).toBe(true));
    expect(weightsDigest).toHaveBeenCalledTimes(1);
    const m = c.snapshot().staleness!.models[0]!;
    expect(m.weightsMatch).toBe(false);
    expect(m.fingerprintMatches).toBeNull();
    expect(m.summary).toContain(DIFFERENT_WEIGHTS);
    expect(c.snapshot().results.byId.size).toBe(0);
  });

  it('a pack pinned to the page’s weights is current and says the digest matches', async () => {
    const { c } = await controller('a'.repeat(64), digestOf('a'));
    c.assess();
    await vi.waitFor(() => expect(c.snapshot().staleness?.models[0]?.weightsMatch).toBe(true));
    expect(c.snapshot().staleness?.stale).toBe(false);
    expect(c.snapshot().staleness?.models[0]?.summary).toContain('weights digest matches');
  });
});
