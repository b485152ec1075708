// The page-world end of the bridge: answers the content script's handshake and requests, posts what the hook learns.
// The page can post anything a content script can, including a `hello` with a nonce of its own: each hello opens a
// channel of its own (first come, at most MAX_CHANNELS), so a forged hello can neither take over nor close ours.

import {
  type ContentMessage,
  type PageMessage,
  parseContentMessage,
  wrap,
  BRIDGE_VERSION,
} from '../bridge/protocol';
import { pageGlobals, safely } from './page-globals';

type Outgoing = PageMessage extends infer M
  ? M extends { nonce: string }
    ? Omit<M, 'nonce'>
    : never
  : never;

const MAX_CHANNELS = 16;

export class PageBridge {
  private nonces: string[] = [];

  constructor(
    private readonly onRequest: (message: ContentMessage) => void,
    private readonly onHello: (nonce: string) => void,
  ) {}

  start(): void {
    const add = pageGlobals.addEventListener;
    if (!add) return;
    add(
      'message',
      (event: MessageEvent) => {
        safely(() => {
          if ((event.source as unknown) !== pageGlobals.global) return;
          const message = parseContentMessage(event.data);
          if (!message) return;
          const known = this.nonces.includes(message.nonce);
          if (message.kind === 'hello') {
            // A content script says hello on start and again when the hook announces itself (extension updates).
            if (!known && this.nonces.length >= MAX_CHANNELS) return;
            if (!known) this.nonces.push(message.nonce);
            this.onHello(message.nonce);
            return;
          }
          if (known) this.onRequest(message);
        }, undefined);
      },
      true,
    );
    this.postRaw({ kind: 'hook-ready', hookVersion: BRIDGE_VERSION });
  }

  get connected(): boolean {
    return this.nonces.length > 0;
  }

  /** Sends to one channel (replies, tap frames: `to` is the requester's nonce) or, without `to`, to all of them. */
  send(message: Outgoing, transfer: Transferable[] = [], to?: string): void {
    if (to !== undefined) {
      if (this.nonces.includes(to)) this.postRaw({ ...message, nonce: to } as PageMessage, transfer);
      return;
    }
    for (const nonce of this.nonces) this.postRaw({ ...message, nonce } as PageMessage);
  }

  private postRaw(message: PageMessage, transfer: Transferable[] = []): void {
    const post = pageGlobals.postMessage;
    if (!post) return;
    safely(() => post(wrap('page', message), '*', transfer), undefined);
  }
}
