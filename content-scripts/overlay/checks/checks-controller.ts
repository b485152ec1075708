// Runs a pack's examples and checks through the engine for the overlay, one run at a time, only when asked (the
// reader's button, or once on load when the setting is on): progress, cancel, results merged by id, staleness.
// Holds no Preact state: the hook in use-checks.ts listens to it.

import type { ModelGraph } from '../../../model/model-graph';
import type {
  InputSource,
  ModelRunner,
  PackRunResult,
  RunOptions,
  StalenessReport,
} from '../../../annotations/checks/types';
import type { Pack } from '../../../annotations/format/types';
import type { WeightsDigestInfo } from '../../../model/weights-digest';
import { mergeRun, NO_RESULTS, type Results } from './results';
import { Listeners } from '../../../base/listeners';

export type RunPackFn = (
  pack: Pack,
  graphsByAlias: ReadonlyMap<string, ModelGraph>,
  runnersByAlias: ReadonlyMap<string, ModelRunner>,
  inputs: InputSource,
  options: RunOptions,
) => Promise<PackRunResult>;

export interface ChecksState {
  results: Results;
  /** What is running now: every item, or the ids of one run; null when idle. */
  running: { all: boolean; ids: ReadonlySet<string> } | null;
  progress: { done: number; total: number } | null;
  staleness: StalenessReport | null;
  /** Why the last run failed as a whole (each item's own reasons are in its result). */
  error: string | null;
  /** The item the reader ran on its own last: only its result is announced (a run of all is, by the summary). */
  announce: string | null;
}

export interface ChecksDeps {
  pack: Pack;
  graphs: ReadonlyMap<string, ModelGraph>;
  runners: ReadonlyMap<string, ModelRunner>;
  inputs: InputSource;
  runPack: RunPackFn;
  computeStaleness(
    pack: Pack,
    graphsByAlias: ReadonlyMap<string, ModelGraph>,
    weights?: ReadonlyMap<string, WeightsDigestInfo>,
  ): StalenessReport;
  /** The weights digest of the model bound to an alias (the hook reads and hashes every weight: on demand only). */
  weightsDigest?(alias: string): Promise<WeightsDigestInfo>;
  /** Per model run. */
  timeoutMs: number;
}

export class ChecksController {
  private state: ChecksState = {
    results: NO_RESULTS,
    running: null,
    progress: null,
    staleness: null,
    error: null,
    announce: null,
  };
  private readonly listeners = new Listeners<ChecksState>();
  private current: AbortController | null = null;
  private disposed = false;
  private readonly order: string[];
  readonly exampleIds: string[];
  readonly checkIds: string[];

  constructor(private readonly deps: ChecksDeps) {
    this.order = deps.pack.items.map((a) => a.id);
    this.exampleIds = deps.pack.items.filter((a) => a.kind === 'example').map((a) => a.id);
    this.checkIds = deps.pack.items.filter((a) => a.kind === 'check').map((a) => a.id);
  }

  get pack(): Pack {
    return this.deps.pack;
  }

  /** What the pack's explorables run with: the same models, probe runners, pictures and time limit as the checks. */
  get engine(): Pick<ChecksDeps, 'pack' | 'graphs' | 'runners' | 'inputs' | 'timeoutMs'> {
    return this.deps;
  }

  snapshot(): ChecksState {
    return this.state;
  }

  subscribe(listener: (s: ChecksState) => void): () => void {
    return this.listeners.add(listener);
  }

  private set(patch: Partial<ChecksState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    this.listeners.emit(this.state);
  }

  /** The weights digests computed so far, by alias. */
  readonly weights = new Map<string, WeightsDigestInfo>();

  /**
   * Staleness only, from the graphs: no model is run. A pack that pins a weights digest has the models' weights
   * hashed (once) and staleness assessed again with them.
   */
  assess(): void {
    try {
      this.set({ staleness: this.deps.computeStaleness(this.deps.pack, this.deps.graphs, this.weights) });
    } catch (e) {
      this.set({ error: messageOf(e) });
    }
    const pinned = this.deps.pack.targets.models.some((m) => m.weightsDigest !== undefined);
    if (pinned && this.weights.size === 0)
      void this.refreshWeights().then(() => {
        if (this.weights.size === 0 || this.disposed) return;
        try {
          this.set({ staleness: this.deps.computeStaleness(this.deps.pack, this.deps.graphs, this.weights) });
        } catch (e) {
          this.set({ error: messageOf(e) });
        }
      });
  }

  /** Hashes the weights of every bound model again (a model trained in the page changes them). */
  async refreshWeights(): Promise<ReadonlyMap<string, WeightsDigestInfo>> {
    if (!this.deps.weightsDigest) return this.weights;
    for (const alias of this.deps.graphs.keys()) {
      try {
        this.weights.set(alias, await this.deps.weightsDigest(alias));
      } catch {
        // Reported as "not computed" (the report and the staleness say so); the checks still run.
        this.weights.delete(alias);
      }
    }
    return this.weights;
  }

  /** Whether every example and check has a result (the report then covers the whole pack). */
  get complete(): boolean {
    const { byId } = this.state.results;
    return [...this.exampleIds, ...this.checkIds].every((id) => byId.has(id));
  }

  /** Runs every example and check. Resolves with the merged run (null when busy or it failed as a whole). */
  runAll(): Promise<PackRunResult | null> {
    return this.run(null);
  }

  /** Runs one example or check (a behavioural check runs the examples it needs). */
  runOne(id: string): Promise<PackRunResult | null> {
    return this.run([id]);
  }

  cancel(): void {
    this.current?.abort();
  }

  get busy(): boolean {
    return this.state.running !== null;
  }

  private async run(ids: string[] | null): Promise<PackRunResult | null> {
    if (this.busy || this.disposed) return null;
    const stop = new AbortController();
    this.current = stop;
    this.set({
      running: { all: ids === null, ids: new Set(ids ?? [...this.exampleIds, ...this.checkIds]) },
      progress: { done: 0, total: ids?.length ?? this.exampleIds.length + this.checkIds.length },
      error: null,
      announce: ids?.length === 1 ? ids[0]! : null,
    });
    try {
      // Every run states the weights it ran on: hashed before a run of everything, once for single items.
      if (ids === null || this.weights.size === 0) await this.refreshWeights();
      const run = await this.deps.runPack(
        this.deps.pack,
        this.deps.graphs,
        this.deps.runners,
        this.deps.inputs,
        {
          weights: new Map(this.weights),
          signal: stop.signal,
          timeoutMs: this.deps.timeoutMs,
          ...(ids ? { only: ids } : {}),
          onProgress: (done, total) => this.set({ progress: { done, total } }),
        },
      );
      const results = mergeRun(this.state.results, run, this.order);
      this.set({ results, staleness: run.staleness, running: null, progress: null });
      return results.merged;
    } catch (e) {
      this.set({ running: null, progress: null, error: messageOf(e) });
      return null;
    } finally {
      if (this.current === stop) this.current = null;
    }
  }

  dispose(): void {
    this.current?.abort();
    this.disposed = true;
    this.listeners.clear();
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : 'the checks could not run';
}
