// Per-tab pack state: the offers and active pack of each frame, the reader's choice, the share link the tab was
// opened with, and what the overlay reported. Pure and serializable (the worker may stop at any time).

import { MAX_FRAMES_PER_TAB } from './tab-registry';
import type { FramePacks, LinkStatus, OverlayStatus, PackOffer, TabPacksView } from '../../protocol/packs';

export interface FrameEntry {
  frameUrl: string;
  offers: PackOffer[];
  activeKey: string | null;
  candidates: number;
}

export interface TabEntry {
  /** Session of the top frame's content script: a new one means a new document. */
  session: string | null;
  frames: Record<string, FrameEntry>;
  /** The pack the reader chose in the popup (kept across navigations in the tab). */
  chosen: string | null;
  /** Packs a share link opened in this document. */
  linked: string[];
  link: LinkStatus | null;
  overlay: OverlayStatus | null;
  pageUrl: string | null;
}

const emptyTab = (): TabEntry => ({
  session: null,
  frames: {},
  chosen: null,
  linked: [],
  link: null,
  overlay: null,
  pageUrl: null,
});

export class TabPacks {
  private tabs = new Map<number, TabEntry>();

  private tab(tabId: number): TabEntry {
    let entry = this.tabs.get(tabId);
    if (!entry) this.tabs.set(tabId, (entry = emptyTab()));
    return entry;
  }

  /** Called with the top frame's session on every message from it; a new session resets the document's state. */
  document(tabId: number, session: string, pageUrl?: string): void {
    const entry = this.tab(tabId);
    if (entry.session !== session) {
      this.tabs.set(tabId, { ...emptyTab(), session, chosen: entry.chosen, pageUrl: pageUrl ?? null });
    } else if (pageUrl) entry.pageUrl = pageUrl;
  }

  /** Records a frame's offers; a new frame beyond MAX_FRAMES_PER_TAB (the top one aside) is ignored. */
  setFrame(tabId: number, frameId: number, frame: FrameEntry): void {
    const frames = this.tab(tabId).frames;
    const key = String(frameId);
    if (frameId !== 0 && !(key in frames) && Object.keys(frames).length >= MAX_FRAMES_PER_TAB) return;
    frames[key] = frame;
  }

  linkedKeys(tabId: number): Set<string> {
    return new Set(this.tabs.get(tabId)?.linked ?? []);
  }

  chosen(tabId: number): string | null {
    return this.tabs.get(tabId)?.chosen ?? null;
  }

  choose(tabId: number, key: string | null): void {
    this.tab(tabId).chosen = key;
  }

  setLink(tabId: number, link: LinkStatus | null): void {
    const entry = this.tab(tabId);
    entry.link = link;
    if (link?.state === 'loaded' && link.packKey && !entry.linked.includes(link.packKey))
      entry.linked.push(link.packKey);
  }

  link(tabId: number): LinkStatus | null {
    return this.tabs.get(tabId)?.link ?? null;
  }

  setOverlay(tabId: number, status: OverlayStatus): void {
    this.tab(tabId).overlay = status;
  }

  /** The step a share link asked for, if the link opened this pack. */
  stepFor(tabId: number, key: string): number | null {
    const link = this.tabs.get(tabId)?.link;
    return link?.state === 'loaded' && link.packKey === key ? (link.step ?? null) : null;
  }

  /** What a frame is told: its offers, active pack summary (without the pack body) and the tab's link. */
  frameView(tabId: number, frameId: number): Omit<FramePacks, 'active'> & { activeKey: string | null } {
    const entry = this.tabs.get(tabId);
    const frame = entry?.frames[String(frameId)];
    return {
      offers: frame?.offers ?? [],
      activeKey: frame?.activeKey ?? null,
      link: frameId === 0 ? (entry?.link ?? null) : null,
      candidates: frame?.candidates ?? 0,
    };
  }

  /** The popup's view: offers over all frames (first frame wins for a key), the active pack, link and overlay. */
  view(tabId: number): TabPacksView {
    const entry = this.tabs.get(tabId);
    if (!entry) return { offers: [], activeKey: null, link: null, overlay: null, pageUrl: null };
    const frames = Object.entries(entry.frames).sort(([a], [b]) => Number(a) - Number(b));
    const offers: PackOffer[] = [];
    for (const [, frame] of frames)
      for (const o of frame.offers) if (!offers.some((x) => x.key === o.key)) offers.push(o);
    const activeKey = frames.map(([, f]) => f.activeKey).find((k) => k !== null) ?? null;
    return { offers, activeKey, link: entry.link, overlay: entry.overlay, pageUrl: entry.pageUrl };
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  toJSON(): [number, TabEntry][] {
    return [...this.tabs];
  }

  /** Adds what a stopped worker saved (entries already known in this worker win). */
  restore(data: unknown): void {
    if (!Array.isArray(data)) return;
    for (const item of data) {
      if (
        !Array.isArray(item) ||
        typeof item[0] !== 'number' ||
        typeof item[1] !== 'object' ||
        item[1] === null
      )
        continue;
      if (!this.tabs.has(item[0]))
        this.tabs.set(item[0], { ...emptyTab(), ...(item[1] as Partial<TabEntry>) });
    }
  }

  static fromJSON(data: unknown): TabPacks {
    const packs = new TabPacks();
    packs.restore(data);
    return packs;
  }
}
