// Every model run the engine makes goes through here: one time limit per run (AbortSignal + Promise.race, so a
// runner that never settles cannot stall a pack), a cap on runs per pack, cancellation, and a cache per input.
import type { ModelInput, ModelRunner, NodeValues } from './types';

/** A reason something could not be run; its message is shown as is. */
export class CouldNotRun extends Error {}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toPrecision(2))} s`;
}

/** Settles with `work`, or rejects with CouldNotRun when `ms` pass or `outer` aborts first; aborts `inner` then. */
export async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  outer?: AbortSignal,
): Promise<T> {
  if (outer?.aborted) throw new CouldNotRun('cancelled');
  const inner = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      inner.abort();
      reject(new CouldNotRun(`timed out after ${seconds(ms)}`));
    }, ms);
    onAbort = () => {
      inner.abort();
      reject(new CouldNotRun('cancelled'));
    };
    outer?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([Promise.resolve().then(() => work(inner.signal)), limit]);
  } finally {
    clearTimeout(timer);
    if (onAbort) outer?.removeEventListener('abort', onAbort);
  }
}

export interface ProberOptions {
  timeoutMs: number;
  maxProbes: number;
  signal?: AbortSignal;
}

export class Prober {
  private probes = 0;
  private readonly cache = new Map<string, Promise<NodeValues[]>>();

  constructor(
    private readonly runners: ReadonlyMap<string, ModelRunner>,
    private readonly options: ProberOptions,
  ) {}

  get count(): number {
    return this.probes;
  }

  /** Runs `input` on model `alias`; `cacheKey` (when given) shares the result between checks. */
  run(alias: string, input: ModelInput, nodeIds: string[], cacheKey?: string): Promise<NodeValues[]> {
    const key =
      cacheKey === undefined ? undefined : `${alias}\u0000${cacheKey}\u0000${nodeIds.join('\u0000')}`;
    const cached = key === undefined ? undefined : this.cache.get(key);
    if (cached) return cached;
    const result = this.runNow(alias, input, nodeIds);
    if (key !== undefined) this.cache.set(key, result);
    return result;
  }

  private async runNow(alias: string, input: ModelInput, nodeIds: string[]): Promise<NodeValues[]> {
    const runner = this.runners.get(alias);
    if (!runner) throw new CouldNotRun(`no way to run model '${alias}' here`);
    if (this.probes >= this.options.maxProbes)
      throw new CouldNotRun(`the pack needs more than ${this.options.maxProbes} model runs; stopped there`);
    this.probes++;
    let values: NodeValues[];
    try {
      values = await withTimeout(
        (signal) => runner.run(input, nodeIds, signal),
        this.options.timeoutMs,
        this.options.signal,
      );
    } catch (error) {
      if (error instanceof CouldNotRun) throw error;
      throw new CouldNotRun(`the model could not run it: ${messageOf(error)}`);
    }
    if (!Array.isArray(values) || values.length < Math.max(1, nodeIds.length))
      throw new CouldNotRun(`the model returned ${Array.isArray(values) ? values.length : 'no'} values`);
    return values;
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
