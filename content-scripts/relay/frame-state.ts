// What this frame's hook has reported so far, merged idempotently (snapshots and events may repeat or cross). The
// frame's URL is never the page's word: it is the content script's own `location.href`.

import type { ModelSummary } from '../../model/model-graph';
import type { EngineInfo, PageMessage, PageSnapshot } from '../../protocol/bridge';
import { BRIDGE_LIMITS } from '../../protocol/bridge';

export class FrameState {
  private engines = new Map<string, EngineInfo>();
  private models = new Map<string, ModelSummary>();
  /** tf.js's version read from the page's own scripts, for engines the hook could not ask (bundled pages). */
  private bundledVersion: string | null = null;
  /** ONNX Runtime Web's version read from the page's own scripts, for sessions the hook could not tell it of. */
  private bundledOrtVersion: string | null = null;

  /** `ownUrl`: this frame's URL as the content script sees it (the page's snapshot may say anything). */
  constructor(private readonly ownUrl: () => string = () => '') {}

  /** Applies a page message; returns true when what this frame reports changed. */
  apply(message: PageMessage): boolean {
    switch (message.kind) {
      case 'welcome':
        return this.applySnapshot(message.snapshot);
      case 'engine':
        return this.putEngine(message.engine);
      case 'model':
        return this.putModel(message.model);
      default:
        return false;
    }
  }

  snapshot(): PageSnapshot {
    return {
      frameUrl: this.ownUrl(),
      engines: [...this.engines.values()],
      models: [...this.models.values()],
    };
  }

  /** The version read from the page's scripts, once read (null: not read, or not there). */
  get pageScriptsVersion(): string | null {
    return this.bundledVersion;
  }

  /** True when an engine's version is unknown to the hook: the page's scripts may tell it. */
  get lacksVersion(): boolean {
    for (const e of this.engines.values()) if (e.tfjsVersion === null) return true;
    return false;
  }

  /** Fills in the version read from the page's scripts; returns true when what this frame reports changed. */
  setBundledVersion(version: string): boolean {
    this.bundledVersion = version;
    let changed = false;
    for (const [id, e] of this.engines)
      if (e.tfjsVersion === null) {
        this.engines.set(id, { ...e, tfjsVersion: version });
        changed = true;
      }
    return changed;
  }

  /** True when an ONNX session's runtime version is unknown to the hook: the page's scripts may tell it. */
  get lacksOrtVersion(): boolean {
    for (const m of this.models.values()) if (m.runtime === 'onnx' && !m.runtimeVersion) return true;
    return false;
  }

  /** ONNX Runtime Web's version read from the page's scripts, once read (null: not read, or not there). */
  get pageScriptsOrtVersion(): string | null {
    return this.bundledOrtVersion;
  }

  /** Fills in ONNX Runtime Web's version read from the page's scripts; true when what this frame reports changed. */
  setBundledOrtVersion(version: string): boolean {
    this.bundledOrtVersion = version;
    let changed = false;
    for (const [id, m] of this.models)
      if (m.runtime === 'onnx' && !m.runtimeVersion) {
        this.models.set(id, { ...m, runtimeVersion: version });
        changed = true;
      }
    return changed;
  }

  get modelCount(): number {
    return this.models.size;
  }

  private applySnapshot(snapshot: PageSnapshot): boolean {
    let changed = false;
    for (const e of snapshot.engines) changed = this.putEngine(e) || changed;
    for (const m of snapshot.models) changed = this.putModel(m) || changed;
    return changed;
  }

  private putEngine(reported: EngineInfo): boolean {
    const engine =
      reported.tfjsVersion === null && this.bundledVersion
        ? { ...reported, tfjsVersion: this.bundledVersion }
        : reported;
    const old = this.engines.get(engine.id);
    if (old && JSON.stringify(old) === JSON.stringify(engine)) return false;
    if (!old && this.engines.size >= BRIDGE_LIMITS.maxEngines) return false;
    this.engines.set(engine.id, engine);
    return true;
  }

  private putModel(reported: ModelSummary): boolean {
    const model =
      reported.runtime === 'onnx' && !reported.runtimeVersion && this.bundledOrtVersion
        ? { ...reported, runtimeVersion: this.bundledOrtVersion }
        : reported;
    const old = this.models.get(model.id);
    if (old && JSON.stringify(old) === JSON.stringify(model)) return false;
    if (!old && this.models.size >= BRIDGE_LIMITS.maxModels) return false;
    this.models.set(model.id, model);
    return true;
  }
}
