// The ISOLATED-world content script (document_start, all frames): hears the hook over the bridge, tells the background.

import browser from '../../extension/browser';
import type { BackgroundRequest } from '../../extension/protocol';
import { ContentBridge } from '../bridge/content-bridge';
import { FrameState } from './frame-state';

const state = new FrameState();
const session = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');
let reportQueued = false;

function report(): void {
  if (reportQueued) return;
  reportQueued = true;
  setTimeout(() => {
    reportQueued = false;
    const message: BackgroundRequest = { type: 'frame-state', session, snapshot: state.snapshot() };
    browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting (extension update); the next change reports again.
    });
  }, 0);
}

const bridge = new ContentBridge(window, (message) => {
  if (state.apply(message)) report();
});
bridge.start();
