// The background service worker: collects what each tab's hooks found, sets the toolbar badge, answers the popup.

import browser, { type Runtime } from '../browser';
import {
  badgeText,
  badgeTitle,
  parseBackgroundRequest,
  type ContentRequest,
  type TabState,
} from '../protocol';
import { TabRegistry } from './tab-registry';

const STORAGE_KEY = 'tabs';
let registry = new TabRegistry();
// The worker can be stopped at any time; what the tabs reported survives in session storage.
const restored = browser.storage.session
  .get(STORAGE_KEY)
  .then((data) => {
    registry = TabRegistry.fromJSON(data[STORAGE_KEY]);
  })
  .catch(() => undefined);

function persist(): void {
  browser.storage.session.set({ [STORAGE_KEY]: registry.toJSON() }).catch(() => undefined);
}

async function showBadge(state: TabState): Promise<void> {
  const text = badgeText(state);
  await browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color: '#3b5bdb' });
  await browser.action.setBadgeText({ tabId: state.tabId, text });
  await browser.action.setTitle({ tabId: state.tabId, title: badgeTitle(state) });
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const request = parseBackgroundRequest(raw);
  if (!request) return undefined;
  return restored.then(async () => {
    switch (request.type) {
      case 'frame-state': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.id !== browser.runtime.id) return { ok: false };
        const state = registry.report(tabId, sender.frameId ?? 0, request.session, request.snapshot);
        persist();
        await showBadge(state).catch(() => undefined);
        return { ok: true };
      }
      case 'load-overlay': {
        // The overlay's code is only ever loaded into frames where a model was found.
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.id !== browser.runtime.id) return { ok: false };
        await browser.scripting
          .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['overlay.js'] })
          .catch(() => undefined);
        return { ok: true };
      }
      case 'get-tab-state':
        return registry.get(request.tabId);
    }
  });
});

browser.tabs.onRemoved.addListener((tabId) => {
  void restored.then(() => {
    registry.forget(tabId);
    persist();
  });
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command !== 'toggle-overlay' || tab?.id === undefined) return;
  const message: ContentRequest = { type: 'toggle-overlay' };
  browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
});
