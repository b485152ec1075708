// Per-tab, per-frame record of what the hooks found; pure, so the badge logic unit-tests without a browser.

import type { PageSnapshot } from '../../protocol/bridge';
import type { FrameReport, TabState } from '../../protocol/runtime';

export class TabRegistry {
  private tabs = new Map<number, Map<number, FrameReport>>();

  report(tabId: number, frameId: number, session: string, snapshot: PageSnapshot): TabState {
    let frames = this.tabs.get(tabId);
    // A new top-frame content script means a new document: the old document's frames are gone.
    if (frameId === 0 && frames?.get(0)?.session !== session) frames = undefined;
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, { frameId, session, ...snapshot });
    return this.get(tabId);
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

  static fromJSON(data: unknown): TabRegistry {
    const registry = new TabRegistry();
    if (!Array.isArray(data)) return registry;
    for (const entry of data) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'number' || !Array.isArray(entry[1])) continue;
      const frames = new Map<number, FrameReport>();
      for (const f of entry[1] as FrameReport[]) if (typeof f?.frameId === 'number') frames.set(f.frameId, f);
      registry.tabs.set(entry[0], frames);
    }
    return registry;
  }
}
