// Keeps the page's live models: which constructed objects are real top-level models, their ids, URLs and summaries.
// Models are held weakly, except while an explanation pins one: then strongly, so it stays explorable after the page
// lets go of it (pinning changes nothing the page computes). A model reclaimed by the browser is reported so.

import type { ModelSummary } from '../../model/model-graph';
import type { FetchedModelJson } from './model-json-capture';
import { pageGlobals, read, safely } from './page-globals';

export interface LiveModel {
  id: string;
  kind: 'layers' | 'graph';
  /** Weakly held: a model the page drops can be collected. */
  ref: { deref(): object | undefined };
  summary: ModelSummary;
  /** Recorded by the first describe: a reloaded copy must have the same. */
  fingerprint?: string;
  /** A GraphModel's class (its constructor), to load it again on bundled pages. */
  graphClass?: unknown;
}

const MAX_CANDIDATES = 512;
const MAX_MODELS = 64;

function weakly(o: object): { deref(): object | undefined } {
  const W = pageGlobals.WeakRef;
  return W ? new W(o) : { deref: () => o };
}

export class ModelRegistry {
  private candidates: {
    kind: 'container' | 'graph-model';
    ref: { deref(): object | undefined };
    /** Constructed while a reload ran: maybe ours, so left unscanned until it ends (then `ignored` says). */
    duringReload: boolean;
  }[] = [];
  private reported = new pageGlobals.WeakMap<object, LiveModel>();
  readonly models: LiveModel[] = [];
  private nextId = 1;
  /** Strong references, by model id, while an explanation is open on the model. */
  private readonly pins = new pageGlobals.Map<string, object>();
  /** Models an explanation is open on (pinned, or wanted back after the browser reclaimed them). */
  private readonly wanted = new pageGlobals.Set<string>();
  /** Objects Literate itself loaded (reloads): never the page's models. */
  private readonly ignored = new pageGlobals.WeakSet<object>();
  private reloadsInFlight = 0;
  /** Models reloaded after the browser reclaimed the page's copy, by model id, while pinned (see reload.ts). */
  private readonly reloads = new pageGlobals.Map<string, { object: object; dispose(): void }>();
  private readonly finalizer: { register(o: object, id: string): void } | null;

  constructor(
    private readonly fetched: FetchedModelJson[],
    private readonly backendName: () => string | null,
    /** Called when a model's hold changed on its own (the browser reclaimed it). */
    private readonly onHoldChanged: (model: LiveModel) => void = () => undefined,
  ) {
    const F = pageGlobals.FinalizationRegistry;
    this.finalizer = F
      ? new F<string>((id) =>
          safely(() => {
            const model = this.byId(id);
            if (model && this.updateHold(model)) this.onHoldChanged(model);
          }, undefined),
        )
      : null;
  }

  /** The model's object for requests: the page's own, or the copy Literate reloaded for a pinned explanation. */
  objectOf(id: string): object | undefined {
    return this.pins.get(id) ?? this.byId(id)?.ref.deref() ?? this.reloads.get(id)?.object;
  }

  /**
   * An explanation opened (`on`) or closed on a model: holds it strongly or lets it go (a reloaded copy is disposed).
   * Returns the model when its reported hold changed.
   */
  pin(id: string, on: boolean): LiveModel | null {
    const model = this.byId(id);
    if (!model) return null;
    if (on) {
      const object = model.ref.deref();
      if (object !== undefined) this.pins.set(id, object);
      this.wanted.add(id);
    } else {
      this.pins.delete(id);
      this.wanted.delete(id);
      const reload = this.reloads.get(id);
      this.reloads.delete(id);
      if (reload) safely(() => reload.dispose(), undefined);
    }
    return this.updateHold(model) ? model : null;
  }

  isPinned(id: string): boolean {
    return this.pins.has(id);
  }

  /** Keeps the copy reloaded for a model an explanation wants (disposed when it closes); false, disposed, if unwanted. */
  adoptReload(id: string, object: object, dispose: () => void): boolean {
    const model = this.byId(id);
    this.ignoreTree(object);
    if (!model || !this.wanted.has(id) || model.ref.deref() !== undefined) {
      safely(dispose, undefined);
      return false;
    }
    this.reloads.get(id)?.dispose();
    this.reloads.set(id, { object, dispose });
    this.updateHold(model);
    return true;
  }

  /** Marks a model Literate loaded, and its parts, as never the page's. */
  private ignoreTree(object: object): void {
    this.ignored.add(object);
    const inner = read(object, 'model');
    if (inner && typeof inner === 'object') this.ignored.add(inner);
    const layers = layersOf(object);
    for (let i = 0; i < layers.length && i < 10_000; i++) {
      const layer = layers[i];
      if (layer && typeof layer === 'object') this.ignored.add(layer);
    }
  }

  /** Whether an explanation is open on a model whose page copy is gone and not reloaded yet. */
  needsReload(id: string): boolean {
    return this.wanted.has(id) && this.objectOf(id) === undefined;
  }

  /** Runs `load` (a reload) with the candidates it constructs kept out of the page's models. */
  async reloading<T>(load: () => Promise<T>): Promise<T> {
    this.reloadsInFlight++;
    try {
      return await load();
    } finally {
      this.reloadsInFlight--;
    }
  }

  /** Recomputes a model's hold; true when it changed. */
  private updateHold(model: LiveModel): boolean {
    const hold: ModelSummary['hold'] = this.pins.has(model.id)
      ? 'pinned'
      : model.ref.deref() !== undefined
        ? undefined
        : this.reloads.has(model.id)
          ? 'reloaded'
          : 'collected';
    if (model.summary.hold === hold) return false;
    if (hold === undefined) delete model.summary.hold;
    else model.summary.hold = hold;
    return true;
  }

  add(kind: 'container' | 'graph-model', object: object): void {
    if (this.candidates.length >= MAX_CANDIDATES) this.prune();
    if (this.candidates.length >= MAX_CANDIDATES) return;
    this.candidates.push({ kind, ref: weakly(object), duringReload: this.reloadsInFlight > 0 });
  }

  /** True while some candidate may still turn into a model (a Sequential without layers, a GraphModel loading). */
  get hasPending(): boolean {
    return this.candidates.some((c) => {
      const o = c.ref.deref();
      return o !== undefined && !this.reported.has(o) && !this.ignored.has(o);
    });
  }

  /** Finds candidates that became top-level models since the last scan; returns the new ones. */
  scan(): LiveModel[] {
    const live: { kind: 'container' | 'graph-model'; object: object }[] = [];
    for (const c of this.candidates) {
      if (c.duringReload && this.reloadsInFlight > 0) continue;
      c.duringReload = false;
      const object = c.ref.deref();
      if (object !== undefined && !this.ignored.has(object)) live.push({ kind: c.kind, object });
    }
    const containers = live
      .filter((c) => c.kind === 'container' && isReadyContainer(c.object))
      .map((c) => c.object);
    // Inner parts of other models are not models of their own: a Sequential's `.model`, or a model used as a layer.
    const inner = new pageGlobals.Set<unknown>();
    for (const c of containers) {
      const innerModel = read(c, 'model');
      if (innerModel && innerModel !== c) inner.add(innerModel);
      const layers = read(c, 'layers');
      if (pageGlobals.isArray(layers))
        for (let i = 0; i < layers.length && i < 10_000; i++) inner.add(layers[i]);
    }
    const found: LiveModel[] = [];
    for (const { kind, object } of live) {
      if (this.reported.has(object) || this.models.length >= MAX_MODELS) continue;
      if (kind === 'container' && (!isReadyContainer(object) || inner.has(object))) continue;
      if (kind === 'graph-model' && !isReadyGraphModel(object)) continue;
      const model = this.register(kind === 'container' ? 'layers' : 'graph', object);
      if (model) found.push(model);
    }
    return found;
  }

  byId(id: string): LiveModel | undefined {
    return this.models.find((m) => m.id === id);
  }

  /** Recomputes summaries whose backend may have changed since they were made. */
  refreshedSummaries(): ModelSummary[] {
    const backend = this.backendName();
    for (const m of this.models) {
      m.summary.backend = backend;
      this.updateHold(m);
    }
    return this.models.map((m) => ({ ...m.summary }));
  }

  sourceOf(kind: 'layers' | 'graph', object: object): { url: string | null; format: string | null } {
    return safely(
      () => {
        if (kind === 'graph') {
          const topology = read(read(object, 'artifacts'), 'modelTopology');
          const hit = [...this.fetched].reverse().find((r) => r.topology === topology);
          if (hit) return { url: hit.url, format: hit.format };
          const modelUrl = read(object, 'modelUrl');
          return { url: typeof modelUrl === 'string' ? absolute(modelUrl) : null, format: 'graph-model' };
        }
        const names = layerNamesOfModel(object);
        const hit = [...this.fetched]
          .reverse()
          .find((r) => r.layerNames.length > 0 && sameList(r.layerNames, names));
        return hit ? { url: hit.url, format: hit.format } : { url: null, format: null };
      },
      { url: null, format: null },
    );
  }

  private register(kind: 'layers' | 'graph', object: object): LiveModel | null {
    const id = `m${this.nextId++}`;
    const { url } = this.sourceOf(kind, object);
    const summary: ModelSummary = {
      id,
      kind,
      name: modelName(kind, object, url),
      sourceUrl: url,
      nodes: kind === 'layers' ? layersOf(object).length : graphNodes(object).length,
      params: kind === 'layers' ? layersParams(object) : graphParams(object),
      backend: this.backendName(),
    };
    const model: LiveModel = { id, kind, ref: weakly(object), summary };
    if (kind === 'graph') model.graphClass = read(object, 'constructor');
    this.reported.set(object, model);
    this.models.push(model);
    safely(() => this.finalizer?.register(object, id), undefined);
    return model;
  }

  private prune(): void {
    this.candidates = this.candidates.filter((c) => {
      const o = c.ref.deref();
      return o !== undefined && !this.reported.has(o);
    });
  }
}

function isReadyContainer(o: object): boolean {
  const layers = read(o, 'layers');
  return pageGlobals.isArray(layers) && layers.length > 0;
}

function isReadyGraphModel(o: object): boolean {
  return typeof read(o, 'execute') === 'function' && !!read(o, 'executor') && !!read(o, 'artifacts');
}

function layersOf(o: object): unknown[] {
  const layers = read(o, 'layers');
  return pageGlobals.isArray(layers) ? layers : [];
}

function layerNamesOfModel(o: object): string[] {
  return layersOf(o)
    .map((l) => read(l, 'name'))
    .filter((n): n is string => typeof n === 'string');
}

function layersParams(o: object): number {
  return safely(() => {
    const count = read(o, 'countParams');
    const n = typeof count === 'function' ? (count as () => unknown).call(o) : 0;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
  }, 0);
}

function graphNodes(o: object): unknown[] {
  const nodes = read(read(read(o, 'artifacts'), 'modelTopology'), 'node');
  return pageGlobals.isArray(nodes) ? nodes : [];
}

function graphParams(o: object): number {
  return safely(() => {
    const specs = read(read(o, 'artifacts'), 'weightSpecs');
    if (!pageGlobals.isArray(specs)) return 0;
    let total = 0;
    for (let i = 0; i < specs.length && i < 100_000; i++) {
      const shape = read(specs[i], 'shape');
      if (!pageGlobals.isArray(shape)) continue;
      total += shape.reduce((a: number, b: unknown) => a * (typeof b === 'number' ? b : 0), 1);
    }
    return total;
  }, 0);
}

function modelName(kind: 'layers' | 'graph', o: object, url: string | null): string {
  if (kind === 'layers') {
    const name = read(o, 'name');
    if (typeof name === 'string' && name) return name.slice(0, 256);
  }
  if (url) {
    const path = safely(() => new URL(url).pathname, url)
      .split('/')
      .filter(Boolean);
    const file = path[path.length - 1] ?? '';
    const parent = path[path.length - 2];
    const label = /^model\.json$/i.test(file) && parent ? parent : file.replace(/\.json$/i, '');
    if (label) return label.slice(0, 256);
  }
  return kind === 'layers' ? 'layers model' : 'graph model';
}

function absolute(u: string): string {
  return safely(() => new URL(u, pageGlobals.location?.href).href, u);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
