// The ISOLATED-world content script (document_start, all frames): hears the hook over the bridge, tells the
// background, and once this frame has a model asks the background to load the overlay (which uses the ContentApi).

import browser from '../../extension/browser';
import { parseContentRequest, type BackgroundRequest } from '../../extension/protocol';
import { ContentBridge } from '../bridge/content-bridge';
import { CONTENT_API_KEY } from './content-api';
import { ContentApiImpl } from './content-api-impl';
import { FrameState } from './frame-state';

const state = new FrameState();
const session = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');
let reportQueued = false;
let overlayRequested = false;

function send(message: BackgroundRequest): void {
  browser.runtime.sendMessage(message).catch(() => {
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
      send({ type: 'load-overlay' });
    }
  }, 0);
}

const bridge: ContentBridge = new ContentBridge(window, (message) => {
  api.receive(message);
  if (state.apply(message)) {
    report();
    api.changed();
  }
});
const api = new ContentApiImpl(bridge, state);
(globalThis as Record<symbol, unknown>)[CONTENT_API_KEY] = api;
bridge.start();

browser.runtime.onMessage.addListener((raw: unknown) => {
  const request = parseContentRequest(raw);
  if (request) api.command(request.type);
  return undefined;
});
