// Runtime messages about packs, with validators: what content scripts may ask (about their own tab only) and what
// extension pages (popup, options, the consent prompt) may ask. The background checks who sent each message.

import type { ModelGraph } from '../model/model-graph';
import { parseModelGraph } from '../model/model-graph-validate';
import { BRIDGE_LIMITS } from './bridge';
import { boundedUrl } from './bridge-validate';
import type { ValidationError } from '../annotations/format/validate';
import type { FrameReport } from './runtime';
import type { OverlayStatus, Provenance } from './packs';
import type { PackRecord, Problem, Source, Trust } from './pack-records';

/** Sent by content scripts; the background answers about the sender's own tab and frame. */
export type ContentPacksRequest =
  | { type: 'share-link'; session: string; fragment: string }
  | { type: 'frame-packs'; session: string; frameUrl: string; graphs: ModelGraph[] | null }
  | { type: 'overlay-status'; status: OverlayStatus }
  | { type: 'save-pack-edit'; packKey: string; text: string };

/** Accepted only from the extension's own pages. */
export type PagePacksRequest =
  | { type: 'get-tab-packs'; tabId: number }
  | { type: 'choose-pack'; tabId: number; packKey: string | null }
  | { type: 'set-pack-enabled'; packKey: string; enabled: boolean }
  | { type: 'open-overlay'; tabId: number }
  | { type: 'share-link-for-tab'; tabId: number }
  | { type: 'review-link'; tabId: number }
  | { type: 'get-packs-admin' }
  | { type: 'add-source'; kind: 'url' | 'registry'; url: string }
  | { type: 'update-sources'; sourceId: string | null }
  | { type: 'remove-source'; sourceId: string }
  | { type: 'remove-pack'; packKey: string }
  | { type: 'import-pack'; name: string; text: string }
  | { type: 'export-pack'; packKey: string }
  | { type: 'get-diagnostics' }
  | { type: 'consent-get'; id: string }
  | { type: 'consent-answer'; id: string; accept: boolean; trustOrigin: boolean }
  | { type: 'untrust-origin'; origin: string }
  | { type: 'sync-sites' };

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
}

export type ShareLinkResult = { ok: true; link: string } | { ok: false; reason: string };

// ------------------------------------------------------------------------------------------------ validators

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
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
      return {
        type: 'overlay-status',
        status: { packKey: s.packKey, orphans: s.orphans, anchored: s.anchored, step },
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
      return str(v.id, 64) && typeof v.accept === 'boolean' && typeof v.trustOrigin === 'boolean'
        ? { type: 'consent-answer', id: v.id, accept: v.accept, trustOrigin: v.trustOrigin }
        : null;
    case 'untrust-origin':
      return str(v.origin, 2048) ? { type: 'untrust-origin', origin: v.origin } : null;
    default:
      return null;
  }
}

export type { Problem };
