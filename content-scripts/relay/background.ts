// The content script's one way to the background: typed by what content scripts may ask (protocol/background-rpc.ts),
// so the reply's type follows from the request's and no caller casts one.

import browser from '../../extension/browser';
import type { ContentScriptRpc } from '../../protocol/background-rpc';
import { rpcSender } from '../../protocol/rpc';

export const toBackground = rpcSender<ContentScriptRpc>((request) => browser.runtime.sendMessage(request));
