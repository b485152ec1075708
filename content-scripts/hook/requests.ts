// Answers the content script's on-demand requests (probe, read-weights): at most a few at a time, every failure
// turned into a short readable error, never into an exception in the page.

import type { ContentMessage, GradientMap, ProbeValue, WeightValues } from '../../protocol/bridge';
import { runGradient } from './probe/gradient';
import { runProbe } from './probe/probe';
import { readWeights } from './probe/weights';
import { digestLiveModel } from './probe/weights-digest';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import type { LastInput } from './tap/tap-manager';
import { pageGlobals } from './page-globals';

export interface RequestContext {
  engine(): object | null;
  /** Settles once the model can be asked for (a model reclaimed under an open explanation is loaded again first). */
  ready(modelId: string): Promise<void>;
  model(modelId: string): { kind: 'layers' | 'graph'; object: object } | null;
  lastInput(modelId: string): LastInput | null;
  /** Why `model(modelId)` gave nothing, in words for the reader. */
  whyMissing(modelId: string): string;
}

const MAX_RUNNING = 2;
let running = 0;

function errorText(e: unknown): string {
  try {
    const message = e instanceof Error ? e.message : String(e);
    return message.slice(0, 500) || 'failed';
  } catch {
    return 'failed';
  }
}

function start<T>(work: () => Promise<T>, reply: (value: T | null, error: string | null) => void): void {
  if (running >= MAX_RUNNING) return reply(null, 'busy: another request is still running');
  running++;
  let p: Promise<T>;
  try {
    p = work();
  } catch (e) {
    running--;
    return reply(null, errorText(e));
  }
  p.then(
    (value) => {
      running--;
      reply(value, null);
    },
    (e: unknown) => {
      running--;
      reply(null, errorText(e));
    },
  );
}

/**
 * Settles just after the page's next frame (its requestAnimationFrame callbacks have run): a probe's work then fills
 * the gap before the following frame instead of stretching the one the page is drawing. A hidden tab draws no frames:
 * after `ms` it goes ahead anyway.
 */
export function betweenFrames(ms = 100): Promise<void> {
  return new pageGlobals.Promise<void>((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    pageGlobals.setTimeout(go, ms);
    pageGlobals.requestAnimationFrame?.(() => pageGlobals.setTimeout(go, 0));
  });
}

export function answerProbe(
  ctx: RequestContext,
  message: Extract<ContentMessage, { kind: 'probe' }>,
  send: (values: ProbeValue[], error: string | null, transfer: ArrayBuffer[]) => void,
  progress: (stage: 'running' | 'reading') => void = () => undefined,
): void {
  start(
    async () => {
      await ctx.ready(message.modelId);
      await betweenFrames();
      progress('running');
      const engine = ctx.engine();
      const model = ctx.model(message.modelId);
      if (!engine || !model) throw new Error(ctx.whyMissing(message.modelId));
      const target = {
        engine,
        kind: model.kind,
        model: model.object,
        lastInput: ctx.lastInput(message.modelId),
      };
      return runProbe(target, message.input, message.nodeIds, undefined, () => progress('reading'));
    },
    (values, error) => {
      const list = values ?? [];
      try {
        send(
          list,
          error,
          list.map((v) => v.buffer),
        );
      } catch {}
    },
  );
}

/** A gradient map for the reader's picture and class, between the page's frames like a probe. */
export function answerGradient(
  ctx: RequestContext,
  message: Extract<ContentMessage, { kind: 'gradient' }>,
  send: (map: GradientMap | null, error: string | null, unsupported: boolean) => void,
  progress: (stage: 'running' | 'reading') => void = () => undefined,
): void {
  start(
    async () => {
      await ctx.ready(message.modelId);
      await betweenFrames();
      progress('running');
      const engine = ctx.engine();
      const model = ctx.model(message.modelId);
      if (!engine || !model) throw new Error(ctx.whyMissing(message.modelId));
      const target = { engine, kind: model.kind, model: model.object, lastInput: null };
      return runGradient(target, message.input, message.classIndex, () => progress('reading'));
    },
    (outcome, error) => {
      try {
        if (outcome?.map) send(outcome.map, null, false);
        else if (outcome) send(null, outcome.unsupported, true);
        else send(null, error, false);
      } catch {}
    },
  );
}

/** The weights digest of a model (every weight read back and hashed once), with its measured cost. */
export function answerWeightsDigest(
  ctx: RequestContext,
  message: Extract<ContentMessage, { kind: 'weights-digest' }>,
  send: (digest: WeightsDigestInfo | null, error: string | null) => void,
): void {
  start(
    async () => {
      await ctx.ready(message.modelId);
      const model = ctx.model(message.modelId);
      if (!ctx.engine() || !model) throw new Error(ctx.whyMissing(message.modelId));
      const { digest, weights, bytes, ms, skipped } = await digestLiveModel({
        kind: model.kind,
        model: model.object,
      });
      return { digest, weights, bytes, ms, skipped };
    },
    (digest, error) => {
      try {
        send(digest, error);
      } catch {}
    },
  );
}

export function answerWeights(
  ctx: RequestContext,
  message: Extract<ContentMessage, { kind: 'read-weights' }>,
  send: (weights: WeightValues[], error: string | null, transfer: ArrayBuffer[]) => void,
): void {
  start(
    async () => {
      await ctx.ready(message.modelId);
      const engine = ctx.engine();
      const model = ctx.model(message.modelId);
      if (!engine || !model) throw new Error(ctx.whyMissing(message.modelId));
      return readWeights(
        { engine, kind: model.kind, model: model.object },
        message.nodeId,
        message.maxValues,
      );
    },
    (weights, error) => {
      const list = weights ?? [];
      try {
        send(
          list,
          error,
          list.map((w) => w.buffer),
        );
      } catch {}
    },
  );
}
