// The state of a pack's explorables in the overlay: each control's setting and the model's latest answer for it
// (run through the checks engine and the page's probe, latest setting wins, one run per control at a time), and
// each question's guess and reveal. No Preact state: components subscribe. Each run the reader asked for is also
// told to `onRun` listeners with the input it gave the model, so the open views can follow it (follow-views.tsx).

import {
  controlById,
  controlModel,
  controlPoint,
  initialSetting,
  runControl,
} from '../../../annotations/checks/explore';
import { makeRunContext } from '../../../annotations/checks/run-pack';
import type { RunContext } from '../../../annotations/checks/context';
import { exampleById, exampleInput, labelsOf } from '../../../annotations/checks/context';
import { CouldNotRun, messageOf } from '../../../annotations/checks/prober';
import { modelTensor } from '../../../annotations/checks/inputs';
import { topK } from '../../../annotations/checks/tensors';
import { DEFAULT_NORMALIZE } from '../../../annotations/checks/transforms';
import type { InputSource, ModelRunner, RgbaImage, TopEntry } from '../../../annotations/checks/types';
import type { ControlAnnotation, ControlSetting, Pack } from '../../../annotations/format/types';
import type { ModelGraph } from '../../../model/model-graph';
import { Listeners } from '../../../base/listeners';
import type { ExploreInput } from '../explore/explore-session';

export interface ControlState {
  /** The slider value or option id; null for a drawing pad. */
  setting: ControlSetting | null;
  status: 'idle' | 'running' | 'done' | 'error';
  /** The model's top classes for the current setting (best first). */
  top: TopEntry[];
  /** The first row of the output read (at most 1000 values). */
  values: number[];
  error: string | null;
  /** Wall time of the last run, milliseconds. */
  ms: number | null;
}

/** A run the reader asked for (moved, picked, drew, revealed): the input the control gave its model. */
export interface ControlInputRun {
  controlId: string;
  label: string;
  graph: ModelGraph;
  input: ExploreInput;
}

export interface PredictState {
  guess: string | null;
  revealed: boolean;
}

export interface EngineDeps {
  pack: Pack;
  graphs: ReadonlyMap<string, ModelGraph>;
  runners: ReadonlyMap<string, ModelRunner>;
  inputs: InputSource;
  timeoutMs: number;
}

const VALUES_KEPT = 1000;

export class ExplorablesStore {
  private readonly controls = new Map<string, ControlState>();
  private readonly predicts = new Map<string, PredictState>();
  private readonly pending = new Map<string, () => Promise<void>>();
  private readonly inFlight = new Set<string>();
  private readonly resolved: RunContext['resolved'] = new Map();
  private readonly listeners = new Listeners<string>();
  private readonly runs = new Listeners<ControlInputRun>();
  private disposed = false;

  constructor(private readonly deps: EngineDeps) {
    for (const item of deps.pack.items)
      if (item.kind === 'control')
        this.controls.set(item.id, {
          setting: initialSetting(item),
          status: 'idle',
          top: [],
          values: [],
          error: null,
          ms: null,
        });
  }

  get pack(): Pack {
    return this.deps.pack;
  }

  /** The bound models by alias (a drawing pad is sized to its model's input). */
  engineGraphs(): ReadonlyMap<string, ModelGraph> {
    return this.deps.graphs;
  }

  /** Called with the id of the control or question that changed. */
  subscribe(listener: (id: string) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Called after each run the reader asked for, with the input the control gave its model. */
  onRun(listener: (run: ControlInputRun) => void): () => void {
    return this.runs.add(listener);
  }

  /** The model a control runs (null: not bound, or no such control). */
  graphOf(id: string): ModelGraph | null {
    const control = controlById(this.deps.pack, id);
    if (!control) return null;
    try {
      return controlModel(this.context(), control).graph;
    } catch {
      return null;
    }
  }

  control(id: string): ControlState | undefined {
    return this.controls.get(id);
  }

  predict(id: string): PredictState {
    return this.predicts.get(id) ?? { guess: null, revealed: false };
  }

  private patch(id: string, change: Partial<ControlState>): void {
    const current = this.controls.get(id);
    if (!current || this.disposed) return;
    this.controls.set(id, { ...current, ...change });
    this.listeners.emit(id);
  }

  private context(): RunContext {
    const ctx = makeRunContext(this.deps.pack, this.deps.graphs, this.deps.runners, this.deps.inputs, {
      timeoutMs: this.deps.timeoutMs,
    });
    ctx.resolved = this.resolved;
    return ctx;
  }

  /**
   * Runs the model for a control at this setting (the latest setting wins while a run is under way). `follow`: the
   * reader moved it, so open views follow its input (not for the run a control makes when it first appears).
   */
  set(id: string, setting: ControlSetting, { follow = true }: { follow?: boolean } = {}): Promise<void> {
    const control = controlById(this.deps.pack, id);
    if (!control || control.body.control === 'draw') return Promise.resolve();
    this.patch(id, { setting, status: 'running' });
    return this.schedule(id, async () => {
      const started = performance.now();
      const run = await runControl(this.context(), control, setting);
      if (this.controls.get(id)?.setting !== setting) return;
      this.patch(id, {
        status: 'done',
        top: run.top,
        values: Array.from(run.values.values.subarray(0, VALUES_KEPT)),
        error: null,
        ms: Math.round(performance.now() - started),
      });
      if (follow) this.told(control, { kind: 'tensor', shape: run.input.shape, values: run.input.values });
    });
  }

  /** Tells onRun listeners the input a run the reader asked for gave the model. */
  private told(control: ControlAnnotation, input: ExploreInput): void {
    if (this.disposed) return;
    const graph = this.graphOf(control.id);
    if (!graph) return;
    this.runs.emit({ controlId: control.id, label: control.body.label, graph, input });
  }

  /** Runs the model on a drawing (resized to the model input by the probe, scaled like the pad's example). */
  draw(id: string, image: RgbaImage): Promise<void> {
    const control = controlById(this.deps.pack, id);
    if (!control || control.body.control !== 'draw') return Promise.resolve();
    const body = control.body;
    this.patch(id, { status: 'running' });
    return this.schedule(id, async () => {
      const started = performance.now();
      const ctx = this.context();
      const { alias, graph } = controlModel(ctx, control);
      const example = body.example ? exampleById(ctx.pack, body.example) : undefined;
      const point = controlPoint(control.target?.model, graph);
      const normalize = example?.body.input.normalize ?? DEFAULT_NORMALIZE;
      const out = await ctx.prober.run(alias, { type: 'image', ...image, normalize }, point.nodeIds);
      const first = out[0];
      if (!first) throw new CouldNotRun('the model returned no values');
      this.patch(id, {
        status: 'done',
        top: topK(first, 5, labelsOf(ctx.pack, alias)),
        values: Array.from(first.values.subarray(0, VALUES_KEPT)),
        error: null,
        ms: Math.round(performance.now() - started),
      });
      this.told(control, { kind: 'image', image, normalize });
    });
  }

  /** One run per control at a time; a newer request replaces one still waiting. */
  private schedule(id: string, work: () => Promise<void>): Promise<void> {
    const wrapped = async () => {
      try {
        await work();
      } catch (error) {
        this.patch(id, { status: 'error', error: error instanceof Error ? error.message : messageOf(error) });
      }
    };
    if (this.inFlight.has(id)) {
      this.pending.set(id, wrapped);
      return Promise.resolve();
    }
    return this.drain(id, wrapped);
  }

  private async drain(id: string, first: () => Promise<void>): Promise<void> {
    this.inFlight.add(id);
    try {
      let next: (() => Promise<void>) | undefined = first;
      while (next && !this.disposed) {
        await next();
        next = this.pending.get(id);
        this.pending.delete(id);
      }
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** The reader's guess for a question (before the reveal only). */
  guess(id: string, option: string): void {
    const state = this.predict(id);
    if (state.revealed || this.disposed) return;
    this.predicts.set(id, { ...state, guess: option });
    this.listeners.emit(id);
  }

  /** Shows the model's answer: moves the question's control to its setting (or runs its example) first. */
  async reveal(id: string): Promise<void> {
    const item = this.deps.pack.items.find((a) => a.id === id);
    const state = this.predict(id);
    if (item?.kind !== 'predict' || state.guess === null || state.revealed) return;
    const body = item.body;
    if (body.control !== undefined) {
      const control = this.controls.get(body.control);
      const setting = body.setting ?? control?.setting;
      // A drawing pad has no setting: its answer is the one for the reader's drawing.
      if (setting !== undefined && setting !== null) await this.set(body.control, setting);
    } else if (body.example !== undefined) await this.runExample(id, body.example);
    this.predicts.set(id, { ...state, revealed: true });
    this.listeners.emit(id);
  }

  /** A question about an example keeps its answer as a pseudo-control under the question's own id. */
  private async runExample(id: string, exampleId: string): Promise<void> {
    if (!this.controls.has(id))
      this.controls.set(id, { setting: null, status: 'idle', top: [], values: [], error: null, ms: null });
    this.patch(id, { status: 'running' });
    await this.schedule(id, async () => {
      const ctx = this.context();
      const example = exampleById(ctx.pack, exampleId);
      if (!example) throw new CouldNotRun(`no example '${exampleId}' in the pack`);
      const question = this.deps.pack.items.find((a) => a.id === id);
      const selector = question?.target?.model ?? example.target?.model;
      const alias = selector?.model ?? [...this.deps.graphs.keys()][0];
      const graph = alias === undefined ? undefined : this.deps.graphs.get(alias);
      if (!graph || alias === undefined) throw new CouldNotRun('the model is not loaded');
      const input = await exampleInput(ctx, example, graph);
      const point = controlPoint(selector, graph);
      const out = await ctx.prober.run(
        alias,
        { type: 'tensor', ...modelTensor(input, input.values) },
        point.nodeIds,
      );
      const first = out[0];
      if (!first) throw new CouldNotRun('the model returned no values');
      this.patch(id, {
        status: 'done',
        top: topK(first, 5, labelsOf(ctx.pack, alias)),
        values: [],
        error: null,
      });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.runs.clear();
  }
}

const stores = new WeakMap<object, ExplorablesStore>();

/** One store per checks controller (per active pack and bound models). */
export function explorablesStoreFor(owner: object, deps: EngineDeps): ExplorablesStore {
  let store = stores.get(owner);
  if (!store) {
    store = new ExplorablesStore(deps);
    stores.set(owner, store);
  }
  return store;
}
