// The background service worker: collects what each tab's hooks found (badge), holds the pack store and matches
// packs to frames locally, handles share links and their consent prompt, updates sources on an alarm, and keeps
// dynamic content scripts in step with the sites the reader enabled.

import browser, { type Runtime } from '../browser';
import type { ContentPacksRequest, PagePacksRequest } from '../../protocol/packs-messages';
import { defaultMatches, grantedSiteOrigins } from '../permissions/site-access';
import { badgeText, type ContentRpc, type TabState } from '../../protocol/runtime';
import { localBadgeTitle } from './badge-title';
import { readSettings, SETTINGS_KEY } from '../settings/settings-store';
import { normalizeSettings } from '../settings/settings';
import { ErrorLog } from './error-log';
import type { DraftRequest } from '../../protocol/drafts';
import { rpcSender, type RpcFailure } from '../../protocol/rpc';
import { handleDraftRequest } from './drafts/messages';
import { DraftStore } from './drafts/store';
import { handleContentPacks, handlePagePacks, type HandlerDeps } from './pack-handlers';
import { PackService } from './packs/service';
import type { PrefsRequest, SettingsChanged } from '../../protocol/prefs-messages';
import { closeStorageToContentScripts, handlePrefsRequest, senderOrigin } from './prefs-handlers';
import { SessionPersister } from './session-persist';
import { closeConsentPrompt, openConsentPrompt } from './prompt';
import { openEditPrompt } from './edit-prompt';
import { answeringFailure, loggingFailure, routeMessage, type Routes } from './routes';
import { classifySender, type ContentScriptSender } from './senders';
import { ShareLinks } from './share-links';
import { syncSiteScripts, type ScriptingLike } from './site-scripts';
import { TabPacks } from './tab-packs';
import { TabRegistry } from './tab-registry';
import { WELCOME_PAGE, welcomeOnFirstInstall } from './welcome';

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

/** Background → a tab's content scripts (all its frames): commands for the overlay, `packs-changed`, settings. */
const toTab = (tabId: number) => rpcSender<ContentRpc>((message) => browser.tabs.sendMessage(tabId, message));

function notifyTab(tabId: number): void {
  persist();
  toTab(tabId)({ type: 'packs-changed' }).catch(() => undefined);
}

function notifyAllTabs(): void {
  const ids = new Set([...tabs.tabIds(), ...registry.toJSON().map(([id]) => id)]);
  for (const id of ids) notifyTab(id);
}

async function showBadge(state: TabState): Promise<void> {
  const text = badgeText(state);
  await browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color: '#3b5bdb' });
  await browser.action.setBadgeText({ tabId: state.tabId, text });
  await browser.action.setTitle({ tabId: state.tabId, title: localBadgeTitle(state) });
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
    await toTab(tabId)(message);
  },
  grantedSites,
  syncSites,
  openEditPrompt,
};

/**
 * Runs one of the overlay's files in the isolated world of the frame that asked (our own content script only),
 * without waiting for the document to be idle: the launcher should show as soon as the model does.
 */
async function injectIntoSender(sender: ContentScriptSender, file: string): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId: sender.tabId, frameIds: [sender.frameId] },
      files: [file],
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    errors.add('overlay', `Could not load ${file}: ${String(error)}`);
    return false;
  }
}

/** A failure logged under `where` and answered as `{ ok: false, reason }`. */
const failure =
  (where: string, reason: (error: unknown) => string = String) =>
  (error: unknown): RpcFailure => {
    errors.add(where, String(error));
    return { ok: false, reason: reason(error) };
  };
const packFailure = failure('background');
const pageFailure = failure('background', (e) => (e instanceof Error ? e.message : String(e)));
const draftFailure = failure('drafts', (e) => `Could not save the draft: ${String(e)}`);
const logPackError = (error: unknown) => errors.add('background', String(error));

const content = <R extends ContentPacksRequest>(request: R, sender: ContentScriptSender) =>
  handleContentPacks(request, sender, deps);
const page = <R extends PagePacksRequest>(request: R) => handlePagePacks(request, deps);
const draft = <R extends DraftRequest>(request: R, sender: ContentScriptSender) =>
  handleDraftRequest(request, sender.url, drafts);
// Settings and the overlay's layout for content scripts (storage.local is closed to them); the layout is keyed by
// the sending frame's own origin. A failure is logged and answered with nothing.
const prefs = async (request: PrefsRequest, sender: ContentScriptSender): Promise<unknown> =>
  handlePrefsRequest(request, senderOrigin(sender.url ?? undefined), browser.storage.local).catch(
    (error: unknown) => void errors.add('settings', String(error)),
  );

/**
 * Every runtime message the background answers: who may send it and its handler. Content scripts only ever learn
 * about their own tab and frame (the sender's, never the message's); the pack store, sources, trust, consent and
 * other tabs are for the extension's own pages.
 */
const routes: Routes = {
  'frame-state': {
    from: 'content-script',
    handle: async (request, sender) => {
      const { accepted, ...state } = registry.report(
        sender.tabId,
        sender.frameId,
        request.session,
        request.snapshot,
      );
      // A frame beyond the per-tab bound: not recorded, nothing to show or save.
      if (!accepted) return { ok: true };
      // A new top document: forget the old document's pack offers, link and overlay status.
      if (sender.frameId === 0)
        tabs.document(sender.tabId, request.session, request.snapshot.frameUrl || undefined);
      persist();
      await showBadge(state).catch(() => undefined);
      return { ok: true };
    },
  },
  // The overlay's code is only ever loaded into frames where a model was found.
  'load-overlay': {
    from: 'content-script',
    handle: async (_request, sender) => ({ ok: await injectIntoSender(sender, 'overlay.js') }),
  },
  // A later part of the overlay (validated file name), into the frame that asked for it, nowhere else.
  'load-overlay-chunk': {
    from: 'content-script',
    handle: async (request, sender) => ({ ok: await injectIntoSender(sender, request.file) }),
  },
  // Another tab's URL and models: for the popup (an extension page) only, never a content script.
  'get-tab-state': { from: 'extension-page', handle: (request) => registry.get(request.tabId) },

  'share-link': { from: 'content-script', handle: answeringFailure(packFailure, content) },
  'share-link-gesture': { from: 'content-script', handle: answeringFailure(packFailure, content) },
  'frame-packs': { from: 'content-script', handle: loggingFailure(logPackError, content) },
  'overlay-status': { from: 'content-script', handle: answeringFailure(packFailure, content) },
  'save-pack-edit': { from: 'content-script', handle: answeringFailure(packFailure, content) },

  // Drafts written in place (authoring mode): only the page's own content script, only that page's drafts.
  'draft-save': { from: 'content-script', handle: answeringFailure(draftFailure, draft) },
  'draft-list': { from: 'content-script', handle: answeringFailure(draftFailure, draft) },
  'draft-delete': { from: 'content-script', handle: answeringFailure(draftFailure, draft) },

  'settings-get': { from: 'content-script', handle: prefs },
  'settings-set': { from: 'content-script', handle: prefs },
  'site-prefs-get': { from: 'content-script', handle: prefs },
  'site-prefs-set': { from: 'content-script', handle: prefs },

  'get-tab-packs': { from: 'extension-page', handle: loggingFailure(logPackError, page) },
  'choose-pack': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'set-pack-enabled': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'open-overlay': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'share-link-for-tab': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'review-link': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'get-packs-admin': { from: 'extension-page', handle: loggingFailure(logPackError, page) },
  'add-source': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'update-sources': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'remove-source': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'remove-pack': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'import-pack': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'export-pack': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'get-diagnostics': { from: 'extension-page', handle: loggingFailure(logPackError, page) },
  'consent-get': { from: 'extension-page', handle: loggingFailure(logPackError, page) },
  'consent-answer': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'untrust-origin': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'edit-get': { from: 'extension-page', handle: loggingFailure(logPackError, page) },
  'edit-answer': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
  'sync-sites': { from: 'extension-page', handle: answeringFailure(pageFailure, page) },
};

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
  routeMessage(routes, raw, classifySender(sender, self), restored),
);

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
  toTab(tab.id)({ type: command }).catch(() => undefined);
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
      for (const t of all) if (t.id !== undefined) toTab(t.id)(message).catch(() => undefined);
    })
    .catch(() => undefined);
});

browser.permissions.onAdded.addListener(() => void syncSites());
browser.permissions.onRemoved.addListener(() => void syncSites());
// Installed, updated or (unpacked) reloaded: read the shipped packs again even if the version did not change.
browser.runtime.onInstalled.addListener((details) => {
  welcomeOnFirstInstall(details, browser.storage.local, () =>
    browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }),
  ).catch((e: unknown) => errors.add('welcome page', String(e)));
  void start()
    .then(() => service.installShipped(browser.runtime.getManifest().version, readPackaged, true))
    .catch((e: unknown) => errors.add('shipped packs', String(e)));
});
browser.runtime.onStartup.addListener(() => void start());
// A worker restarted mid-session: make sure the site scripts and shipped packs are in place (both are idempotent).
void start();
