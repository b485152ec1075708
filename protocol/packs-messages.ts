// Runtime messages about packs, with validators: what content scripts may ask (about their own tab only) and what
// extension pages (popup, options, the consent prompt) may ask. The background checks who sent each message.

import type { ModelGraph } from '../model/model-graph';
import { parseModelGraph } from '../model/model-graph-validate';
import { BRIDGE_LIMITS } from './bridge';
import { boundedUrl } from './bridge-validate';
import type { ValidationError } from '../annotations/format/validate';
import type { FrameReport } from './runtime';
import type { FramePacks, OverlayStatus, Provenance, TabPacksView } from './packs';
import type { RpcFailure, RpcRequest } from './rpc';
import type { PackRecord, Problem, Source, Trust } from './pack-records';
import type { EditView } from './pack-edits';
import { isRec } from '../base/is-record';

/**
 * A request's reply when the handler has nothing to tell but that it is done. Pack handlers that fail unexpectedly
 * answer `RpcFailure` where their reply allows it; handlers whose reply is a view (no `ok`) reject instead.
 */
export type Done<T = object> = ({ ok: true } & T) | RpcFailure;

/** Content scripts → background, about the sender's own tab and frame (never one the message names). */
export interface ContentPacksRpc {
  /** The top frame's `#literate=…` fragment; subframes are answered `{ ok: false }`. */
  'share-link': {
    request: { type: 'share-link'; session: string; fragment: string };
    reply: { ok: boolean };
  };
  /** The reader clicked or typed in the top document (a trusted activation): a waiting consent window may open. */
  'share-link-gesture': { request: { type: 'share-link-gesture'; session: string }; reply: { ok: boolean } };
  /** Which packs apply to this frame; `graphs` null until some pack might apply (then the models are described). */
  'frame-packs': {
    request: { type: 'frame-packs'; session: string; frameUrl: string; graphs: ModelGraph[] | null };
    reply: FramePacks;
  };
  'overlay-status': { request: { type: 'overlay-status'; status: OverlayStatus }; reply: Done };
  /** Kept pending: the reader confirms it in an extension page the background opens (never stored from here). */
  'save-pack-edit': {
    request: { type: 'save-pack-edit'; packKey: string; text: string };
    reply: ActionResult & { pendingId?: string };
  };
}

/** Extension pages (popup, options, the consent prompt) → background: a tab's packs, the store, sources, trust. */
export interface PagePacksRpc {
  'get-tab-packs': { request: { type: 'get-tab-packs'; tabId: number }; reply: TabPacksView };
  'choose-pack': { request: { type: 'choose-pack'; tabId: number; packKey: string | null }; reply: Done };
  'set-pack-enabled': {
    request: { type: 'set-pack-enabled'; packKey: string; enabled: boolean };
    reply: Done;
  };
  'open-overlay': { request: { type: 'open-overlay'; tabId: number }; reply: Done };
  'share-link-for-tab': { request: { type: 'share-link-for-tab'; tabId: number }; reply: ShareLinkResult };
  'review-link': { request: { type: 'review-link'; tabId: number }; reply: ActionResult };
  'get-packs-admin': { request: { type: 'get-packs-admin' }; reply: PacksAdminView };
  'add-source': {
    request: { type: 'add-source'; kind: 'url' | 'registry'; url: string };
    reply: ActionResult & { sourceId?: string };
  };
  /** One source, or every source (`sourceId` null). */
  'update-sources': {
    request: { type: 'update-sources'; sourceId: string | null };
    reply: { ok: boolean; reports: SourceUpdateReport[] } | RpcFailure;
  };
  'remove-source': { request: { type: 'remove-source'; sourceId: string }; reply: Done };
  'remove-pack': { request: { type: 'remove-pack'; packKey: string }; reply: Done };
  'import-pack': {
    request: { type: 'import-pack'; name: string; text: string };
    reply: ActionResult & { packKey?: string };
  };
  'export-pack': { request: { type: 'export-pack'; packKey: string }; reply: ExportResult };
  'get-diagnostics': { request: { type: 'get-diagnostics' }; reply: Diagnostics };
  /** null: the prompt expired or was answered. */
  'consent-get': { request: { type: 'consent-get'; id: string }; reply: ConsentView | null };
  'consent-answer': {
    /** `wholeOrigin` (default true): a "no" also covers the pack's origin for this browser session. */
    request: {
      type: 'consent-answer';
      id: string;
      accept: boolean;
      trustOrigin: boolean;
      wholeOrigin?: boolean;
    };
    reply: ActionResult;
  };
  'untrust-origin': { request: { type: 'untrust-origin'; origin: string }; reply: Done };
  /** An edited copy waiting for the reader's answer (null: expired or answered). */
  'edit-get': { request: { type: 'edit-get'; id: string }; reply: EditView | null };
  /** The reader's answer: only a yes stores the edited copy. */
  'edit-answer': {
    request: { type: 'edit-answer'; id: string; accept: boolean };
    reply: ActionResult & { packKey?: string };
  };
  /** Registers the site scripts again for the sites the reader granted; answers those sites. */
  'sync-sites': { request: { type: 'sync-sites' }; reply: Done<{ sites: string[] }> };
}

/** Sent by content scripts; the background answers about the sender's own tab and frame. */
export type ContentPacksRequest = RpcRequest<ContentPacksRpc>;

/** Accepted only from the extension's own pages. */
export type PagePacksRequest = RpcRequest<PagePacksRpc>;

export type ActionResult =
  { ok: true } | { ok: false; reason: string; where?: string; errors?: ValidationError[] };

export interface PacksAdminView {
  sources: Source[];
  packs: PackRecord[];
  trust: Trust;
  readOnly: boolean;
  notes: string[];
  /** Origins the reader enabled Literate on (beyond the demo hosts). */
  sites: string[];
}

export interface RecentError {
  at: number;
  where: string;
  message: string;
}

export interface Diagnostics {
  tabs: { tabId: number; frames: FrameReport[] }[];
  errors: RecentError[];
  /** Origins with registered site scripts. */
  sites: string[];
}

/** What the consent prompt shows before a pack from a share link loads. */
export interface ConsentView {
  id: string;
  provenance: Provenance;
  description: string | null;
  annotations: number;
  steps: number;
  /** 0-based step the link opens at. */
  step: number | null;
  /** Origin of the page the link was opened on. */
  pageOrigin: string | null;
  /** Whether "always trust this origin" can be offered (URL packs only). */
  canTrustOrigin: boolean;
  /**
   * The pack is on a new source on another site and Literate has not fetched it: it asks about the source first
   * (only `provenance.url`, `provenance.origin` and `pageOrigin` are known) and fetches it only if the reader agrees.
   */
  unfetched?: boolean;
}

export type ShareLinkResult = { ok: true; link: string } | { ok: false; reason: string };

/** A stored pack's text, named for a download. */
export type ExportResult = { ok: true; name: string; text: string } | { ok: false; reason: string };

/** What updating one source did. */
export interface SourceUpdateReport {
  sourceId: string;
  /** Packs stored anew (first copy or a changed copy). */
  changed: number;
  problems: Problem[];
}

// ------------------------------------------------------------------------------------------------ validators

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const tabId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const count = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
const SESSION = /^[0-9a-f]{8,64}$/;
const MAX_KEY = 2400;
const MAX_TEXT = 4 * 1024 * 1024;

export function parseContentPacksRequest(v: unknown): ContentPacksRequest | null {
  if (!isRec(v)) return null;
  switch (v.type) {
    case 'share-link':
      return str(v.session, 64) && SESSION.test(v.session) && str(v.fragment, 64 * 1024)
        ? { type: 'share-link', session: v.session, fragment: v.fragment }
        : null;
    case 'share-link-gesture':
      return str(v.session, 64) && SESSION.test(v.session)
        ? { type: 'share-link-gesture', session: v.session }
        : null;
    case 'frame-packs': {
      const frameUrl = boundedUrl(v.frameUrl);
      if (!str(v.session, 64) || !SESSION.test(v.session) || frameUrl === null) return null;
      let graphs: ModelGraph[] | null = null;
      if (v.graphs !== null) {
        if (!Array.isArray(v.graphs) || v.graphs.length > BRIDGE_LIMITS.maxModels) return null;
        graphs = v.graphs.map(parseModelGraph).filter((g): g is ModelGraph => g !== null);
      }
      return { type: 'frame-packs', session: v.session, frameUrl, graphs };
    }
    case 'overlay-status': {
      const s = isRec(v.status) ? v.status : null;
      if (!s || !str(s.packKey, MAX_KEY) || !count(s.orphans) || !count(s.anchored)) return null;
      const step = s.step === null || s.step === undefined ? null : count(s.step) ? s.step : undefined;
      if (step === undefined) return null;
      if (s.hidden !== undefined && !count(s.hidden)) return null;
      const status = { packKey: s.packKey, orphans: s.orphans, anchored: s.anchored, step };
      return {
        type: 'overlay-status',
        status: s.hidden === undefined ? status : { ...status, hidden: s.hidden },
      };
    }
    case 'save-pack-edit':
      return str(v.packKey, MAX_KEY) && str(v.text, MAX_TEXT)
        ? { type: 'save-pack-edit', packKey: v.packKey, text: v.text }
        : null;
    default:
      return null;
  }
}

export function parsePagePacksRequest(v: unknown): PagePacksRequest | null {
  if (!isRec(v)) return null;
  switch (v.type) {
    case 'get-tab-packs':
    case 'open-overlay':
    case 'share-link-for-tab':
    case 'review-link':
      return tabId(v.tabId) ? { type: v.type, tabId: v.tabId } : null;
    case 'choose-pack':
      return tabId(v.tabId) && (v.packKey === null || str(v.packKey, MAX_KEY))
        ? { type: 'choose-pack', tabId: v.tabId, packKey: v.packKey }
        : null;
    case 'set-pack-enabled':
      return str(v.packKey, MAX_KEY) && typeof v.enabled === 'boolean'
        ? { type: 'set-pack-enabled', packKey: v.packKey, enabled: v.enabled }
        : null;
    case 'get-packs-admin':
    case 'get-diagnostics':
    case 'sync-sites':
      return { type: v.type };
    case 'add-source':
      return (v.kind === 'url' || v.kind === 'registry') && str(v.url, 4096)
        ? { type: 'add-source', kind: v.kind, url: v.url }
        : null;
    case 'update-sources':
      return v.sourceId === null || str(v.sourceId, 200)
        ? { type: 'update-sources', sourceId: v.sourceId }
        : null;
    case 'remove-source':
      return str(v.sourceId, 200) ? { type: 'remove-source', sourceId: v.sourceId } : null;
    case 'remove-pack':
    case 'export-pack':
      return str(v.packKey, MAX_KEY) ? { type: v.type, packKey: v.packKey } : null;
    case 'import-pack':
      return str(v.name, 512) && str(v.text, MAX_TEXT)
        ? { type: 'import-pack', name: v.name, text: v.text }
        : null;
    case 'consent-get':
      return str(v.id, 64) ? { type: 'consent-get', id: v.id } : null;
    case 'consent-answer':
      return str(v.id, 64) &&
        typeof v.accept === 'boolean' &&
        typeof v.trustOrigin === 'boolean' &&
        (v.wholeOrigin === undefined || typeof v.wholeOrigin === 'boolean')
        ? {
            type: 'consent-answer',
            id: v.id,
            accept: v.accept,
            trustOrigin: v.trustOrigin,
            wholeOrigin: v.wholeOrigin !== false,
          }
        : null;
    case 'untrust-origin':
      return str(v.origin, 2048) ? { type: 'untrust-origin', origin: v.origin } : null;
    case 'edit-get':
      return str(v.id, 64) ? { type: 'edit-get', id: v.id } : null;
    case 'edit-answer':
      return str(v.id, 64) && typeof v.accept === 'boolean'
        ? { type: 'edit-answer', id: v.id, accept: v.accept }
        : null;
    default:
      return null;
  }
}

export type { Problem };
