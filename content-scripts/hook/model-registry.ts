// Keeps the page's live models: which constructed objects are real top-level models, their ids, URLs and summaries.

import type { ModelSummary } from '../../model/model-graph';
import type { FetchedModelJson } from './model-json-capture';
import { pageGlobals, read, safely } from './page-globals';

export interface LiveModel {
  id: string;
  kind: 'layers' | 'graph';
  /** Weakly held: a model the page drops can be collected. */
  ref: { deref(): object | undefined };
  summary: ModelSummary;
}

const MAX_CANDIDATES = 512;
const MAX_MODELS = 64;

function weakly(o: object): { deref(): object | undefined } {
  const W = pageGlobals.WeakRef;
  return W ? new W(o) : { deref: () => o };
}

export class ModelRegistry {
  private candidates: { kind: 'container' | 'graph-model'; ref: { deref(): object | undefined } }[] = [];
  private reported = new pageGlobals.WeakMap<object, LiveModel>();
  readonly models: LiveModel[] = [];
  private nextId = 1;

  constructor(
    private readonly fetched: FetchedModelJson[],
    private readonly backendName: () => string | null,
  ) {}

  add(kind: 'container' | 'graph-model', object: object): void {
    if (this.candidates.length >= MAX_CANDIDATES) this.prune();
    if (this.candidates.length >= MAX_CANDIDATES) return;
    this.candidates.push({ kind, ref: weakly(object) });
  }

  /** True while some candidate may still turn into a model (a Sequential without layers, a GraphModel loading). */
  get hasPending(): boolean {
    return this.candidates.some((c) => {
      const o = c.ref.deref();
      return o !== undefined && !this.reported.has(o);
    });
  }

  /** Finds candidates that became top-level models since the last scan; returns the new ones. */
  scan(): LiveModel[] {
    const live: { kind: 'container' | 'graph-model'; object: object }[] = [];
    for (const c of this.candidates) {
      const object = c.ref.deref();
      if (object !== undefined) live.push({ kind: c.kind, object });
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
    for (const m of this.models) m.summary.backend = backend;
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
    this.reported.set(object, model);
    this.models.push(model);
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
