// The protocol between extension parts (content script ↔ background ↔ popup/options): types and validators.

import type { PageSnapshot } from './bridge';
import { parseSnapshot } from './bridge-validate';
import type { SettingsChanged } from './prefs-messages';
import type { RpcRequest } from './rpc';

export interface FrameReport extends PageSnapshot {
  frameId: number;
  /** Random per content-script instance: a new one in the top frame means a new document in the tab. */
  session: string;
}

export interface TabState {
  tabId: number;
  frames: FrameReport[];
}

/**
 * Content scripts → background: what this frame's hook found (for the badge and the popup), and loading the overlay
 * (then its later chunks) into the asking frame.
 */
export interface FrameRpc {
  'frame-state': {
    request: { type: 'frame-state'; session: string; snapshot: PageSnapshot };
    reply: { ok: true };
  };
  'load-overlay': { request: { type: 'load-overlay' }; reply: { ok: boolean } };
  'load-overlay-chunk': { request: LoadChunkRequest; reply: { ok: boolean } };
}

/** Popup → background: what the hooks of a tab found. */
export interface TabStateRpc {
  'get-tab-state': { request: { type: 'get-tab-state'; tabId: number }; reply: TabState };
}

/** The requests `parseBackgroundRequest` accepts. */
export type BackgroundRequest = RpcRequest<FrameRpc> | RpcRequest<TabStateRpc>;

/** The overlay asks for one of its later chunks (`overlay-<name>.js`), injected into the asking frame only. */
export interface LoadChunkRequest {
  type: 'load-overlay-chunk';
  file: string;
}

/** The overlay's chunk files: nothing else can be asked for. */
export const OVERLAY_CHUNK_FILE = /^overlay-[a-z0-9-]{1,40}\.js$/;

/**
 * Background → content scripts: keyboard command and popup actions for the overlay, and `packs-changed` (the store
 * or the tab's choice changed: ask which packs apply again). Content scripts answer none of them.
 */
export interface ContentRpc {
  'toggle-overlay': { request: { type: 'toggle-overlay' }; reply: undefined };
  'open-overlay': { request: { type: 'open-overlay' }; reply: undefined };
  'toggle-authoring': { request: { type: 'toggle-authoring' }; reply: undefined };
  'packs-changed': { request: { type: 'packs-changed' }; reply: undefined };
  /** The reader's settings changed (content scripts see no storage events); parsed by settings-remote.ts. */
  'settings-changed': { request: SettingsChanged; reply: undefined };
}

/** What `parseContentRequest` accepts: the overlay's commands and `packs-changed`. */
export type ContentRequest = Exclude<RpcRequest<ContentRpc>, SettingsChanged>;

/** The keyboard commands (manifest `commands`), relayed to the tab as they are named. */
export type OverlayCommand = 'toggle-overlay' | 'open-overlay' | 'toggle-authoring';

export function parseContentRequest(v: unknown): ContentRequest | null {
  if (typeof v !== 'object' || v === null) return null;
  const type = (v as Record<string, unknown>).type;
  return type === 'toggle-overlay' ||
    type === 'open-overlay' ||
    type === 'toggle-authoring' ||
    type === 'packs-changed'
    ? { type }
    : null;
}

/** Validates a runtime message: content scripts run in renderers that a page may have compromised. */
export function parseBackgroundRequest(v: unknown): BackgroundRequest | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.type === 'frame-state') {
    const snapshot = parseSnapshot(o.snapshot);
    const session = typeof o.session === 'string' && /^[0-9a-f]{8,64}$/.test(o.session) ? o.session : null;
    return snapshot && session ? { type: 'frame-state', session, snapshot } : null;
  }
  if (o.type === 'load-overlay') return { type: 'load-overlay' };
  if (o.type === 'load-overlay-chunk') {
    return typeof o.file === 'string' && OVERLAY_CHUNK_FILE.test(o.file)
      ? { type: 'load-overlay-chunk', file: o.file }
      : null;
  }
  if (o.type === 'get-tab-state') {
    return typeof o.tabId === 'number' && Number.isInteger(o.tabId) && o.tabId >= 0
      ? { type: 'get-tab-state', tabId: o.tabId }
      : null;
  }
  return null;
}

/** Total models on a tab, over all its frames: what the toolbar badge shows. */
/** Models the page still holds (or an explanation pins): one it let go of, reclaimed or loaded again, is not counted. */
export function countModels(state: TabState): number {
  return state.frames.reduce(
    (n, f) => n + f.models.filter((m) => m.hold !== 'collected' && m.hold !== 'reloaded').length,
    0,
  );
}

export function badgeText(state: TabState): string {
  const n = countModels(state);
  if (n > 0) return n > 99 ? '99+' : String(n);
  return state.frames.some((f) => f.engines.length > 0) ? '·' : '';
}

/**
 * The runtimes a tab runs models on, as a reader reads them: tf.js versions ('4.22.0', 'tf.js 3.x+') and ONNX Runtime
 * Web with its version and execution providers ('ONNX Runtime Web 1.31.1, wasm'). Empty: neither runtime was seen.
 */
export function runtimeLabels(state: TabState): string[] {
  const labels = new Set<string>();
  for (const e of state.frames.flatMap((f) => f.engines))
    labels.add(e.tfjsVersion ?? `tf.js ${e.versionClass}`);
  const onnx = state.frames.flatMap((f) => f.models).filter((m) => m.runtime === 'onnx');
  const versions = [...new Set(onnx.map((m) => m.runtimeVersion ?? null))];
  for (const version of versions) {
    const eps = [
      ...new Set(onnx.filter((m) => (m.runtimeVersion ?? null) === version).map((m) => m.backend)),
    ];
    const named = eps.filter((ep): ep is string => ep !== null);
    labels.add(
      `ONNX Runtime Web${version ? ` ${version}` : ''}${named.length ? `, ${named.join(', ')}` : ''}`,
    );
  }
  return [...labels];
}

export function badgeTitle(state: TabState): string {
  const n = countModels(state);
  const engines = state.frames.flatMap((f) => f.engines);
  if (engines.length === 0 && runtimeLabels(state).length > 0) {
    return `Literate: ${n === 1 ? '1 model' : `${n} models`} found (${runtimeLabels(state).join('; ')})`;
  }
  if (engines.length === 0) return 'Literate: no TensorFlow.js on this page';
  const backend = engines.find((e) => e.backend)?.backend;
  const late = engines.some((e) => e.late);
  const what = n === 1 ? '1 model' : `${n} models`;
  return `Literate: ${what} found${backend ? ` (${backend})` : ''}${late ? ' — reload the page to see models built before Literate started' : ''}`;
}
