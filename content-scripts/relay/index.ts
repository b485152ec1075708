// The ISOLATED-world content script (document_start, all frames): hears the hook over the bridge, tells the
// background, and once this frame has a model asks the background to load the overlay (which uses the ContentApi
// and PacksApi). The top frame also hands a share-link fragment to the background, which decides what to trust.

import browser from '../../extension/browser';
import type { ContentScriptRpc } from '../../protocol/background-rpc';
import type { RpcRequest } from '../../protocol/rpc';
import { parseContentRequest } from '../../protocol/runtime';
import {
  readSettingsRemote,
  watchSettingsRemote,
  writeSettingsRemote,
} from '../../extension/settings/settings-remote';
import { toBackground } from './background';
import { ContentBridge } from './content-bridge';
import { CONTENT_API_KEY } from './content-api';
import { ContentApiImpl } from './content-api-impl';
import { FrameState } from './frame-state';
import { bundledOrtVersion } from './page-ort-version';
import { bundledTfVersion } from './page-tf-version';
import { PACKS_API_KEY } from './packs-api';
import { PacksClient } from './packs-client';
import { randomId } from '../../base/random-id';

// The frame's URL as this content script sees it: a page can say anything in its hook's snapshot.
const state = new FrameState(() => location.href);
const session = randomId(8);
let reportQueued = false;
let overlayRequested = false;

function send(message: RpcRequest<ContentScriptRpc>): void {
  toBackground(message).catch(() => {
    // The background may be restarting (extension update); the next change reports again.
  });
}

function report(): void {
  if (reportQueued) return;
  reportQueued = true;
  setTimeout(() => {
    reportQueued = false;
    send({ type: 'frame-state', session, snapshot: state.snapshot() });
    if (!overlayRequested && state.modelCount > 0) {
      overlayRequested = true;
      try {
        // When Literate knew of the model: what the overlay's timings (npm run bench) count from.
        performance.mark('literate:model-found');
      } catch {}
      send({ type: 'load-overlay' });
    }
  }, 0);
}

// A bundled page has no global `tf` for the hook to ask its version: the page's own scripts name it. Read once,
// only on a page that runs tf.js, so the popup, the badge's title and the outline all say it.
let pageTfVersion: Promise<string | null> | null = null;
function versionFromScripts(): Promise<string | null> {
  pageTfVersion ??= bundledTfVersion().then((version) => {
    if (version && state.setBundledVersion(version)) {
      report();
      api.changed();
    }
    return version;
  });
  return pageTfVersion;
}

// ONNX Runtime Web bundled (transformers.js): its `env` is out of the hook's reach; the page's scripts name it.
let pageOrtVersion: Promise<string | null> | null = null;
function ortVersionFromScripts(): Promise<string | null> {
  pageOrtVersion ??= bundledOrtVersion().then((version) => {
    if (version && state.setBundledOrtVersion(version)) {
      report();
      api.changed();
    }
    return version;
  });
  return pageOrtVersion;
}

let knownModels = 0;
const bridge: ContentBridge = new ContentBridge(window, (message) => {
  api.receive(message);
  if (state.apply(message)) {
    report();
    api.changed();
    if (state.lacksVersion) void versionFromScripts();
    if (state.lacksOrtVersion) void ortVersionFromScripts();
    if (state.modelCount !== knownModels) {
      knownModels = state.modelCount;
      void packs.refresh();
    }
  }
});
const api = new ContentApiImpl(
  bridge,
  state,
  () =>
    state.pageScriptsVersion || !state.lacksVersion
      ? Promise.resolve(state.pageScriptsVersion)
      : versionFromScripts(),
  () =>
    state.pageScriptsOrtVersion || !state.lacksOrtVersion
      ? Promise.resolve(state.pageScriptsOrtVersion)
      : ortVersionFromScripts(),
);
const packs = new PacksClient({
  session,
  state,
  describe: (modelId) => api.describe(modelId),
  send: (message) => browser.runtime.sendMessage(message),
  sendDraft: (message) => browser.runtime.sendMessage(message),
  frameUrl: () => location.href,
  settings: { read: readSettingsRemote, write: writeSettingsRemote, watch: watchSettingsRemote },
});
(globalThis as Record<symbol, unknown>)[CONTENT_API_KEY] = api;
(globalThis as Record<symbol, unknown>)[PACKS_API_KEY] = packs;
packs.start(new AbortController().signal);
bridge.start();

// A share link (`#literate=…`) in the top document: the background parses it and asks the reader before loading a
// pack from a source they have not trusted. The page can forge the fragment, so nothing here trusts it.
if (window === window.top && /(?:^#|&)literate(?:-inline)?=/.test(location.hash)) {
  send({ type: 'share-link', session, fragment: location.hash });
  // The consent window waits for the reader: the first trusted pointer or key press in this document lets it open.
  // A page cannot forge one (`isTrusted` is the browser's word, and this world's prototypes are not the page's), and
  // these listeners, added at document_start on window in the capture phase, run before any of the page's.
  const stop = new AbortController();
  const onInput = (event: Event): void => {
    if (!event.isTrusted) return;
    stop.abort();
    send({ type: 'share-link-gesture', session });
  };
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'touchend'])
    window.addEventListener(type, onInput, { capture: true, signal: stop.signal });
}

browser.runtime.onMessage.addListener((raw: unknown) => {
  const request = parseContentRequest(raw);
  if (request?.type === 'packs-changed') void packs.refresh();
  else if (request) api.command(request.type);
  return undefined;
});
