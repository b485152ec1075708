// Content scripts → background: the reader's settings and the overlay's per-site layout are read and written
// through the background, because storage.local is closed to content scripts (a renderer a page compromised must
// not write the trust lists). The background keys site layouts by the sender's own origin, never a field here.

import { isRec } from '../base/is-record';
import type { RpcRequest } from './rpc';

/**
 * Content scripts → background. Replies come back as stored, `unknown`: the caller normalizes them (settings) and
 * a background that could not read storage answers nothing.
 */
export interface PrefsRpc {
  'settings-get': { request: { type: 'settings-get' }; reply: unknown };
  'settings-set': { request: { type: 'settings-set'; patch: Record<string, unknown> }; reply: unknown };
  /** The sending frame's own origin's layout. */
  'site-prefs-get': { request: { type: 'site-prefs-get' }; reply: unknown };
  'site-prefs-set': { request: { type: 'site-prefs-set'; patch: Record<string, unknown> }; reply: unknown };
}

export type PrefsRequest = RpcRequest<PrefsRpc>;

/** Background → content scripts, when the settings changed (content scripts no longer see storage events). */
export interface SettingsChanged {
  type: 'settings-changed';
  settings: Record<string, unknown>;
}

/** The storage.local key of one origin's overlay layout (written by the background only). */
export function sitePrefsKey(origin: string): string {
  return `overlay.site:${origin}`;
}

/** Bytes of JSON a patch may take: settings and layouts are a few numbers. */
export const MAX_PREFS_PATCH = 2048;
const SITE_PREFS_FIELDS = new Set(['launcher', 'panel']);

function smallRecord(v: unknown): v is Record<string, unknown> {
  if (!isRec(v)) return false;
  try {
    return JSON.stringify(v).length <= MAX_PREFS_PATCH;
  } catch {
    return false;
  }
}

export function parsePrefsRequest(v: unknown): PrefsRequest | null {
  if (!isRec(v)) return null;
  switch (v.type) {
    case 'settings-get':
    case 'site-prefs-get':
      return { type: v.type };
    case 'settings-set':
      return smallRecord(v.patch) ? { type: 'settings-set', patch: v.patch } : null;
    case 'site-prefs-set':
      return smallRecord(v.patch) && Object.keys(v.patch).every((k) => SITE_PREFS_FIELDS.has(k))
        ? { type: 'site-prefs-set', patch: v.patch }
        : null;
    default:
      return null;
  }
}

export function parseSettingsChanged(v: unknown): SettingsChanged | null {
  return isRec(v) && v.type === 'settings-changed' && isRec(v.settings)
    ? { type: 'settings-changed', settings: v.settings }
    : null;
}
