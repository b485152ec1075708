// What the background tells content scripts and the popup about packs: offers for a frame, the active pack with its
// provenance, the state of a share link, settings. Plain JSON, shared by every extension part.

import type { Pack } from '../annotations/format/types';
import type { ModelMatch } from '../annotations/targets/match-models';
import type { PackAuthor, SignatureRecord, SignerChange, SourceKind } from './pack-records';

/** Where a pack came from, as a reader is shown it before and while it explains a page. */
export interface Provenance {
  packId: string;
  title: string;
  authors: PackAuthor[];
  version: string;
  license: string;
  sourceKind: SourceKind;
  sourceLabel: string;
  /** The URL the pack text came from, when it came from the web; a file name for imports; null otherwise. */
  url: string | null;
  /** `https://host` of that URL, or null (shipped, imported, inline). */
  origin: string | null;
  /** The pack's signature as checked when stored; null for copies stored before signatures were checked. */
  signature?: SignatureRecord | null;
  /** The source's packs used to be signed by another key. */
  signerChange?: SignerChange | null;
}

/** A pack that applies to a frame (its page patterns match, or a share link opened it on this tab). */
export interface PackOffer {
  key: string;
  provenance: Provenance;
  /** The reader's switch for this pack. */
  enabled: boolean;
  pageMatched: boolean;
  /** Opened on this tab by a share link. */
  linked: boolean;
  /** How its model aliases bind to this frame's models; null until the models are described. */
  match: ModelMatch | null;
  /** Mean binding score (0–1). */
  score: number;
  steps: number;
  /** The pack's `language` (BCP 47), when it says. */
  language?: string;
}

export interface ActivePack {
  key: string;
  pack: Pack;
  provenance: Provenance;
  match: ModelMatch | null;
  /** 0-based tour step to open at (from a share link's `step=N`, which counts from 1), or null. */
  step: number | null;
}

export type LinkState = 'loading' | 'asking' | 'loaded' | 'declined' | 'failed';

/** What became of the share link this tab was opened with. */
export interface LinkStatus {
  state: LinkState;
  /** The pack URL, or 'inline' for an inline pack. */
  source: string;
  /** Why it failed or was not loaded, in words a reader can act on. */
  reason?: string;
  packKey?: string;
  step?: number | null;
}

export interface FramePacks {
  offers: PackOffer[];
  active: ActivePack | null;
  link: LinkStatus | null;
  /** Packs that might apply once the frame's models are described (page match or share link). */
  candidates: number;
}

/** What the overlay reports about the active pack, for the popup. */
export interface OverlayStatus {
  packKey: string;
  /** Annotations that could not be anchored (orphans) and those that were. */
  orphans: number;
  anchored: number;
  /** Anchored page notes whose element the page does not show (not counted in `anchored`; listed in the panel). */
  hidden?: number;
  /** The tour step the reader is on (0-based), if any. */
  step: number | null;
}

/** The popup's view of a tab's packs. */
export interface TabPacksView {
  offers: PackOffer[];
  activeKey: string | null;
  link: LinkStatus | null;
  overlay: OverlayStatus | null;
  /** The page URL of the top frame (for share links), when known. */
  pageUrl: string | null;
}

export const EMPTY_FRAME_PACKS: FramePacks = { offers: [], active: null, link: null, candidates: 0 };
