// The packs side of the content script's API for the overlay (same ISOLATED world): which packs apply to this
// frame, the active pack with provenance and bindings, settings, share links, and status reports for the popup.
// Kept apart from ContentApi (and its own symbol) so ContentApi's implementers are not affected.

import type { ActionResult, ShareLinkResult } from '../../protocol/packs-messages';
import type { FramePacks, OverlayStatus } from '../../protocol/packs';
import type { DraftRecord } from '../../protocol/drafts';
import type { Settings } from '../../extension/settings/settings';

export const PACKS_API_KEY = Symbol.for('literate.packs-api');

export interface PacksApi {
  readonly version: 1;
  /** Packs for this frame: offers (the popup's switches), the active pack (full JSON, provenance, model bindings,
   * the step a share link opened it at) and, in the top frame, the state of the share link. */
  state(): FramePacks;
  /** Calls `listener` whenever `state()` changes, until `signal` aborts. */
  onChange(listener: (state: FramePacks) => void, signal: AbortSignal): void;
  /** The reader's settings (theme, view refresh rate, data budget, launcher position). */
  settings(): Settings;
  onSettings(listener: (settings: Settings) => void, signal: AbortSignal): void;
  /** Saves settings the overlay changes (e.g. the launcher position after a drag). */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Tells the popup how the active pack anchored (orphans) and which tour step the reader is on. */
  reportStatus(status: OverlayStatus): void;
  /** A share link for the active pack, opening at `step` (0-based; null for none). */
  shareLink(step?: number | null): Promise<ShareLinkResult>;
  /** Offers the reader's edited copy of a pack (authoring mode) for keeping: the background holds it until the reader
   * confirms it in an extension page it opens; updates of the original never touch it. */
  saveEdit(packKey: string, text: string): Promise<ActionResult>;
  /** Drafts written on this page in authoring mode (absent where the background cannot keep them). */
  readonly drafts?: DraftsApi;
}

/** Drafts of the page this frame shows, kept by the background in storage.local (they outlive the tab). */
export interface DraftsApi {
  save(draft: Pick<DraftRecord, 'id' | 'title' | 'text' | 'basedOn'>): Promise<DraftSaved>;
  /** This page's drafts, newest first. */
  list(): Promise<DraftRecord[]>;
  remove(id: string): Promise<boolean>;
}

export type DraftSaved = { ok: true; savedAt: number } | { ok: false; reason: string };

export function getPacksApi(): PacksApi | null {
  const api = (globalThis as Record<symbol, unknown>)[PACKS_API_KEY];
  return api && typeof api === 'object' ? (api as PacksApi) : null;
}
