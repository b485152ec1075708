// The background service worker: collects what each tab's hooks found (badge), holds the pack store and matches
// packs to frames locally, handles share links and their consent prompt, updates sources on an alarm, and keeps
// dynamic content scripts in step with the sites the reader enabled.

import browser, { type Runtime } from '../browser';
import { parseContentPacksRequest, parsePagePacksRequest } from '../../protocol/packs-messages';
import { defaultMatches, grantedSiteOrigins } from '../permissions/site-access';
import {
  badgeText,
  badgeTitle,
  parseBackgroundRequest,
  type ContentRequest,
  type TabState,
} from '../../protocol/runtime';
import { readSettings, SETTINGS_KEY } from '../settings/settings-store';
import { normalizeSettings } from '../settings/settings';
import { ErrorLog } from './error-log';
import { parseDraftRequest } from '../../protocol/drafts';
import { handleDraftRequest } from './drafts/messages';
import { DraftStore } from './drafts/store';
import { handleContentPacks, handlePagePacks, type HandlerDeps } from './pack-handlers';
import { PackService } from './packs/service';
import { parsePrefsRequest, type SettingsChanged } from '../../protocol/prefs-messages';
import { closeStorageToContentScripts, handlePrefsRequest, senderOrigin } from './prefs-handlers';
import { SessionPersister } from './session-persist';
import { closeConsentPrompt, openConsentPrompt } from './prompt';
import { openEditPrompt } from './edit-prompt';
import { ShareLinks } from './share-links';
import { syncSiteScripts, type ScriptingLike } from './site-scripts';
import { TabPacks } from './tab-packs';
import { TabRegistry } from './tab-registry';

const STORAGE_KEY = 'tabs';
const PACKS_KEY = 'tab-packs';
const LINKS_KEY = 'share-links';
const UPDATE_ALARM = 'literate-update';

let registry = new TabRegistry();
const tabs = new TabPacks();
const errors = new ErrorLog(browser.storage.local);
const drafts = new DraftStore(browser.storage.local);
const service = new PackService({
  area: browser.storage.local,
  onChange: () => notifyAllTabs(),
  onProblem: (p) => errors.add(p.where, p.reason),
});
const links = new ShareLinks({
  service,
  tabs,
  openPrompt: openConsentPrompt,
  closePrompt: closeConsentPrompt,
  notify: (tabId) => notifyTab(tabId),
  persist: () => persistLinks(),
});

// The worker can be stopped at any time; what the tabs reported survives in session storage.
const restored = browser.storage.session
  .get([STORAGE_KEY, PACKS_KEY, LINKS_KEY])
  .then((data) => {
    registry = TabRegistry.fromJSON(data[STORAGE_KEY]);
    tabs.restore(data[PACKS_KEY]);
    links.restore(data[LINKS_KEY]);
  })
  .catch(() => undefined);

// Coalesced: many reports in a burst make one write; consents first, frame reports the first to give up.
const persister = new SessionPersister({
  area: browser.storage.session,
  keys: [
    { key: LINKS_KEY, value: () => links.toJSON(), maxBytes: 8 * 1024 * 1024, expendable: false },
    { key: PACKS_KEY, value: () => tabs.toJSON(), maxBytes: 2 * 1024 * 1024, expendable: true },
    {
      key: STORAGE_KEY,
      value: () => registry.toJSON(),
      shrink: () => registry.topFramesJSON(),
      maxBytes: 2 * 1024 * 1024,
      expendable: true,
    },
  ],
  onProblem: (reason) => errors.add('session storage', reason),
});

function persist(): void {
  persister.mark(STORAGE_KEY, PACKS_KEY);
}

function persistLinks(): void {
  persister.mark(LINKS_KEY);
}

// Content scripts (renderers a page may have compromised) may not read or write storage.local: trust lists,
// packs and drafts are written by the background only; settings and layouts go through messages.
closeStorageToContentScripts(browser.storage.local).catch((e: unknown) =>
  errors.add('storage', `Could not close storage to content scripts: ${String(e)}`),
);

function notifyTab(tabId: number): void {
  persist();
  const message: ContentRequest = { type: 'packs-changed' };
  browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

function notifyAllTabs(): void {
  const ids = new Set([...tabs.tabIds(), ...registry.toJSON().map(([id]) => id)]);
  for (const id of ids) notifyTab(id);
}

async function showBadge(state: TabState): Promise<void> {
  const text = badgeText(state);
  await browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color: '#3b5bdb' });
  await browser.action.setBadgeText({ tabId: state.tabId, text });
  await browser.action.setTitle({ tabId: state.tabId, title: badgeTitle(state) });
}

// ------------------------------------------------------------------------------------ sites the reader enabled

const DEFAULTS = defaultMatches(
  browser.runtime.getManifest() as { content_scripts?: { matches?: string[] }[] },
);

async function grantedSites(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return grantedSiteOrigins(all.origins ?? [], DEFAULTS);
}

async function syncSites(): Promise<string[]> {
  try {
    return await syncSiteScripts(browser.scripting as unknown as ScriptingLike, await grantedSites());
  } catch (error) {
    errors.add('site access', `Could not register Literate on the sites you enabled: ${String(error)}`);
    return [];
  }
}

// ------------------------------------------------------------------------------------------------- messages

const deps: HandlerDeps = {
  service,
  tabs,
  links,
  errors,
  tabStates: () => registry.toJSON().map(([tabId, frames]) => ({ tabId, frames })),
  notifyTab,
  persist,
  sendToTab: async (tabId, message) => {
    await browser.tabs.sendMessage(tabId, message);
  },
  grantedSites,
  syncSites,
  openEditPrompt,
};

/**
 * Runs one of the overlay's files in the isolated world of the frame that asked (our own content script only),
 * without waiting for the document to be idle: the launcher should show as soon as the model does.
 */
async function injectIntoSender(sender: Runtime.MessageSender, file: string): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.id !== browser.runtime.id) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [file],
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    errors.add('overlay', `Could not load ${file}: ${String(error)}`);
    return false;
  }
}

function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const request = parseBackgroundRequest(raw);
  if (request) {
    return restored.then(async () => {
      switch (request.type) {
        case 'frame-state': {
          const tabId = sender.tab?.id;
          if (tabId === undefined || sender.id !== browser.runtime.id) return { ok: false };
          const { accepted, ...state } = registry.report(
            tabId,
            sender.frameId ?? 0,
            request.session,
            request.snapshot,
          );
          // A frame beyond the per-tab bound: not recorded, nothing to show or save.
          if (!accepted) return { ok: true };
          // A new top document: forget the old document's pack offers, link and overlay status.
          if ((sender.frameId ?? 0) === 0)
            tabs.document(tabId, request.session, request.snapshot.frameUrl || undefined);
          persist();
          await showBadge(state).catch(() => undefined);
          return { ok: true };
        }
        case 'load-overlay':
          // The overlay's code is only ever loaded into frames where a model was found.
          return { ok: await injectIntoSender(sender, 'overlay.js') };
        case 'load-overlay-chunk':
          // A later part of the overlay (validated file name), into the frame that asked for it, nowhere else.
          return { ok: await injectIntoSender(sender, request.file) };
        case 'get-tab-state':
          // Another tab's URL and models: for the popup (an extension page) only, never a content script.
          return fromExtensionPage(sender) ? registry.get(request.tabId) : undefined;
      }
    });
  }
  // Drafts written in place (authoring mode): only the page's own content script, only that page's drafts.
  const draft = parseDraftRequest(raw);
  if (draft) {
    if (sender.tab?.id === undefined || sender.id !== browser.runtime.id || fromExtensionPage(sender))
      return undefined;
    return handleDraftRequest(draft, sender.url ?? null, drafts).catch((error: unknown) => {
      errors.add('drafts', String(error));
      return { ok: false, reason: `Could not save the draft: ${String(error)}` };
    });
  }
  // Settings and the overlay's layout for content scripts (storage.local is closed to them); the layout is keyed
  // by the sending frame's own origin.
  const prefs = parsePrefsRequest(raw);
  if (prefs) {
    if (sender.tab?.id === undefined || sender.id !== browser.runtime.id || fromExtensionPage(sender))
      return undefined;
    return handlePrefsRequest(prefs, senderOrigin(sender.url), browser.storage.local).catch(
      (error: unknown) => {
        errors.add('settings', String(error));
        return undefined;
      },
    );
  }
  const content = parseContentPacksRequest(raw);
  if (content) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id || fromExtensionPage(sender))
      return undefined;
    const from = { tabId, frameId: sender.frameId ?? 0, url: sender.url ?? null };
    return restored
      .then(() => handleContentPacks(content, from, deps))
      .catch((error: unknown) => {
        errors.add('background', String(error));
        return { ok: false, reason: String(error) };
      });
  }
  const page = parsePagePacksRequest(raw);
  if (page && fromExtensionPage(sender)) {
    return restored
      .then(() => handlePagePacks(page, deps))
      .catch((error: unknown) => {
        errors.add('background', String(error));
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      });
  }
  return undefined;
});

browser.tabs.onRemoved.addListener((tabId) => {
  void restored.then(() => {
    registry.forget(tabId);
    tabs.forget(tabId);
    links.forgetTab(tabId);
    void links.promptClosed({ tabId });
    persist();
  });
});

browser.windows?.onRemoved.addListener((windowId) => {
  void restored.then(() => links.promptClosed({ windowId }));
});

browser.commands.onCommand.addListener((command, tab) => {
  if ((command !== 'toggle-overlay' && command !== 'toggle-authoring') || tab?.id === undefined) return;
  const message: ContentRequest = { type: command };
  browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
});

// ------------------------------------------------------------------------------ startup, updates, permissions

async function scheduleUpdates(hours?: number): Promise<void> {
  const every = hours ?? (await readSettings()).updateHours;
  const existing = await browser.alarms.get(UPDATE_ALARM);
  if (existing?.periodInMinutes === every * 60) return;
  await browser.alarms.create(UPDATE_ALARM, {
    periodInMinutes: every * 60,
    delayInMinutes: Math.min(5, every * 60),
  });
}

async function readPackaged(path: string): Promise<string | null> {
  try {
    const response = await fetch(browser.runtime.getURL(path));
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

let started: Promise<void> | null = null;
/** Once per worker lifetime (a new version always starts a new worker): site scripts, shipped packs, alarm. */
function start(): Promise<void> {
  started ??= (async () => {
    await syncSites();
    await service
      .installShipped(browser.runtime.getManifest().version, readPackaged)
      .catch((e: unknown) => errors.add('shipped packs', String(e)));
    await scheduleUpdates().catch(() => undefined);
  })();
  return started;
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === UPDATE_ALARM)
    void service.update(null).catch((e: unknown) => errors.add('updates', String(e)));
});

browser.storage.onChanged.addListener((changes, area) => {
  const change = changes[SETTINGS_KEY];
  if (area !== 'local' || !change) return;
  const settings = normalizeSettings(change.newValue);
  void scheduleUpdates(settings.updateHours).catch(() => undefined);
  // Content scripts no longer see storage events: tell the tabs' overlays.
  const message: SettingsChanged = { type: 'settings-changed', settings: { ...settings } };
  void browser.tabs
    .query({})
    .then((all) => {
      for (const t of all)
        if (t.id !== undefined) browser.tabs.sendMessage(t.id, message).catch(() => undefined);
    })
    .catch(() => undefined);
});

browser.permissions.onAdded.addListener(() => void syncSites());
browser.permissions.onRemoved.addListener(() => void syncSites());
// Installed, updated or (unpacked) reloaded: read the shipped packs again even if the version did not change.
browser.runtime.onInstalled.addListener(() => {
  void start()
    .then(() => service.installShipped(browser.runtime.getManifest().version, readPackaged, true))
    .catch((e: unknown) => errors.add('shipped packs', String(e)));
});
browser.runtime.onStartup.addListener(() => void start());
// A worker restarted mid-session: make sure the site scripts and shipped packs are in place (both are idempotent).
void start();
