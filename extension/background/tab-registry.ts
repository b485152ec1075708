// Per-tab, per-frame record of what the hooks found; pure, so the badge logic unit-tests without a browser.

import type { PageSnapshot } from '../../protocol/bridge';
import type { FrameReport, TabState } from '../../protocol/runtime';

/** Frames of one tab the registry keeps (the top frame always): a page cannot grow the worker's state without end. */
export const MAX_FRAMES_PER_TAB = 32;

export class TabRegistry {
  private tabs = new Map<number, Map<number, FrameReport>>();

  /** Records a frame's report; a new frame beyond MAX_FRAMES_PER_TAB is ignored (`accepted: false`). */
  report(
    tabId: number,
    frameId: number,
    session: string,
    snapshot: PageSnapshot,
  ): TabState & { accepted: boolean } {
    let frames = this.tabs.get(tabId);
    // A new top-frame content script means a new document: the old document's frames are gone.
    if (frameId === 0 && frames?.get(0)?.session !== session) frames = undefined;
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    const accepted = frameId === 0 || frames.has(frameId) || frames.size < MAX_FRAMES_PER_TAB;
    if (accepted) frames.set(frameId, { frameId, session, ...snapshot });
    return { ...this.get(tabId), accepted };
  }

  get(tabId: number): TabState {
    const frames = [...(this.tabs.get(tabId)?.values() ?? [])].sort((a, b) => a.frameId - b.frameId);
    return { tabId, frames };
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  toJSON(): [number, FrameReport[]][] {
    return [...this.tabs].map(([tabId, frames]) => [tabId, [...frames.values()]]);
  }

  /** A smaller form to persist when the whole is over budget: top frames only (subframes report again). */
  topFramesJSON(): [number, FrameReport[]][] {
    return [...this.tabs].map(([tabId, frames]) => [
      tabId,
      frames.has(0) ? [frames.get(0) as FrameReport] : [],
    ]);
  }

  static fromJSON(data: unknown): TabRegistry {
    const registry = new TabRegistry();
    if (!Array.isArray(data)) return registry;
    for (const entry of data) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'number' || !Array.isArray(entry[1])) continue;
      const frames = new Map<number, FrameReport>();
      for (const f of entry[1] as FrameReport[])
        if (typeof f?.frameId === 'number' && (f.frameId === 0 || frames.size < MAX_FRAMES_PER_TAB))
          frames.set(f.frameId, f);
      registry.tabs.set(entry[0], frames);
    }
    return registry;
  }
}
