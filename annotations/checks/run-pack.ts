// The engine's entry points: run a whole pack (examples, structural and behavioural checks, staleness) or one
// example or check (the overlay's Run button) against models given by alias. Pure: the runner does the running.
import type { ModelGraph } from '../../model/model-graph';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import type { CheckAnnotation, ExampleAnnotation, Pack } from '../format/types';
import { evaluateStructuralCheck, isStructuralCheck } from '../targets/structural-checks';
import { evaluateBehaviour } from './behavioural';
import { modelFor, type RunContext } from './context';
import { evaluateExample, now } from './examples';
import { CouldNotRun, messageOf, Prober } from './prober';
import { aliasOf, computeStaleness } from './staleness';
import {
  DEFAULT_TIMEOUT_MS,
  MAX_PROBES_PER_PACK,
  type CheckOutcome,
  type ExampleResult,
  type InputSource,
  type ModelInfo,
  type ModelRunner,
  type PackRunResult,
  type RunOptions,
  type RunSummary,
} from './types';

export function makeRunContext(
  pack: Pack,
  graphs: ReadonlyMap<string, ModelGraph>,
  runners: ReadonlyMap<string, ModelRunner>,
  inputs: InputSource,
  options: RunOptions,
): RunContext {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ctx: RunContext = {
    pack,
    graphs,
    inputs,
    timeoutMs,
    resolved: new Map(),
    prober: new Prober(runners, {
      timeoutMs,
      maxProbes: options.maxProbes ?? MAX_PROBES_PER_PACK,
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  };
  if (options.signal) ctx.signal = options.signal;
  return ctx;
}

async function evaluateCheck(ctx: RunContext, check: CheckAnnotation): Promise<CheckOutcome> {
  const start = now();
  const structural = isStructuralCheck(check.body);
  let alias: string | null = aliasOf(ctx.pack, check.target?.model);
  const done = (v: {
    status: CheckOutcome['status'];
    observed: unknown;
    expected: unknown;
    message: string;
  }) => ({
    id: check.id,
    model: alias,
    check: check.body.check,
    kind: structural ? ('structural' as const) : ('behavioural' as const),
    status: v.status,
    observed: v.observed,
    expected: v.expected,
    message: v.message,
    ms: Math.round((now() - start) * 10) / 10,
  });
  if (ctx.signal?.aborted)
    return done({ status: 'could-not-run', observed: null, expected: null, message: 'cancelled' });
  if (structural) {
    try {
      const model = modelFor(ctx, check.target?.model);
      alias = model.alias;
      return done(evaluateStructuralCheck(check, model.graph));
    } catch (error) {
      const message = error instanceof CouldNotRun ? error.message : `failed: ${messageOf(error)}`;
      return done({
        status: 'could-not-run',
        observed: null,
        expected: (check.body as { expected?: unknown }).expected ?? null,
        message,
      });
    }
  }
  if (alias === null && 'example' in check.body) {
    const ex = ctx.pack.items.find((a) => a.id === (check.body as { example: string }).example);
    alias = aliasOf(ctx.pack, ex?.target?.model);
  }
  return done(await evaluateBehaviour(ctx, check));
}

async function evaluateExampleOrCancel(ctx: RunContext, example: ExampleAnnotation): Promise<ExampleResult> {
  if (ctx.signal?.aborted)
    return {
      id: example.id,
      model: aliasOf(ctx.pack, example.target?.model),
      status: 'could-not-run',
      observed: null,
      expected: example.body.expected ?? null,
      message: 'cancelled',
      ms: 0,
    };
  return evaluateExample(ctx, example);
}

export function summarize(examples: readonly ExampleResult[], checks: readonly CheckOutcome[]): RunSummary {
  const summary: RunSummary = { pass: 0, fail: 0, couldNotRun: 0, ran: 0 };
  for (const { status } of [...examples, ...checks]) {
    if (status === 'pass') summary.pass++;
    else if (status === 'fail') summary.fail++;
    else if (status === 'ran') summary.ran++;
    else summary.couldNotRun++;
  }
  return summary;
}

export function modelInfo(
  pack: Pack,
  graphs: ReadonlyMap<string, ModelGraph>,
  weights: ReadonlyMap<string, WeightsDigestInfo> = new Map(),
): ModelInfo[] {
  return pack.targets.models.map((target) => {
    const graph = graphs.get(target.alias);
    const info: ModelInfo = { alias: target.alias };
    if (!graph) return info;
    info.graphId = graph.id;
    info.name = graph.name;
    info.kind = graph.kind;
    info.fingerprint = graph.fingerprint;
    if (graph.sourceUrl !== null) info.sourceUrl = graph.sourceUrl;
    if (graph.backend !== null) info.backend = graph.backend;
    if (graph.tfjsVersion !== null) info.tfjsVersion = graph.tfjsVersion;
    const digest = weights.get(target.alias);
    if (digest) info.weights = { ...digest };
    return info;
  });
}

/**
 * Runs every example and check of the pack (or `options.only`) against the models given by alias, one model
 * run at a time, and reports staleness. Never throws for what the pack or the models do; a run that hangs or
 * fails becomes could-not-run with the reason.
 */
export async function runPack(
  pack: Pack,
  graphsByAlias: ReadonlyMap<string, ModelGraph>,
  runnersByAlias: ReadonlyMap<string, ModelRunner>,
  inputs: InputSource,
  options: RunOptions = {},
): Promise<PackRunResult> {
  const startedAt = new Date().toISOString();
  const ctx = makeRunContext(pack, graphsByAlias, runnersByAlias, inputs, options);
  const wanted = (id: string): boolean => !options.only || options.only.includes(id);
  const exampleItems = pack.items.filter((a): a is ExampleAnnotation => a.kind === 'example' && wanted(a.id));
  const checkItems = pack.items.filter((a): a is CheckAnnotation => a.kind === 'check' && wanted(a.id));
  const total = exampleItems.length + checkItems.length;
  let done = 0;
  const progress = (): void => {
    done++;
    try {
      options.onProgress?.(done, total);
    } catch {
      // a progress callback must not stop the run
    }
  };
  const examples: ExampleResult[] = [];
  for (const example of exampleItems) {
    examples.push(await evaluateExampleOrCancel(ctx, example));
    progress();
  }
  const checks: CheckOutcome[] = [];
  for (const check of checkItems) {
    checks.push(await evaluateCheck(ctx, check));
    progress();
  }
  return {
    pack: { id: pack.id, title: pack.title, version: pack.version },
    startedAt,
    finishedAt: new Date().toISOString(),
    models: modelInfo(pack, graphsByAlias, options.weights),
    examples,
    checks,
    staleness: computeStaleness(pack, graphsByAlias, options.weights),
    summary: summarize(examples, checks),
  };
}

/** Runs one example annotation (by id); an unknown id is could-not-run. */
export async function runExample(
  pack: Pack,
  id: string,
  graphsByAlias: ReadonlyMap<string, ModelGraph>,
  runnersByAlias: ReadonlyMap<string, ModelRunner>,
  inputs: InputSource,
  options: RunOptions = {},
): Promise<ExampleResult> {
  const example = pack.items.find((a): a is ExampleAnnotation => a.kind === 'example' && a.id === id);
  if (!example)
    return {
      id,
      model: null,
      status: 'could-not-run',
      observed: null,
      expected: null,
      message: `no example '${id}' in the pack`,
      ms: 0,
    };
  return evaluateExampleOrCancel(
    makeRunContext(pack, graphsByAlias, runnersByAlias, inputs, options),
    example,
  );
}

/** Runs one check annotation (by id), structural or behavioural; an unknown id is could-not-run. */
export async function runCheck(
  pack: Pack,
  id: string,
  graphsByAlias: ReadonlyMap<string, ModelGraph>,
  runnersByAlias: ReadonlyMap<string, ModelRunner>,
  inputs: InputSource,
  options: RunOptions = {},
): Promise<CheckOutcome> {
  const check = pack.items.find((a): a is CheckAnnotation => a.kind === 'check' && a.id === id);
  if (!check)
    return {
      id,
      model: null,
      check: 'fingerprint',
      kind: 'structural',
      status: 'could-not-run',
      observed: null,
      expected: null,
      message: `no check '${id}' in the pack`,
      ms: 0,
    };
  return evaluateCheck(makeRunContext(pack, graphsByAlias, runnersByAlias, inputs, options), check);
}
