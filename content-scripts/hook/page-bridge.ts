// The page-world end of the bridge: answers the content script's handshake and requests, posts what the hook learns.

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

export class PageBridge {
  private nonce: string | null = null;

  constructor(
    private readonly onRequest: (message: ContentMessage) => void,
    private readonly onHello: () => void,
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
          if (message.kind === 'hello') {
            // The latest hello wins: a re-injected content script (extension update) takes over the channel.
            this.nonce = message.nonce;
            this.onHello();
            return;
          }
          if (message.nonce !== this.nonce) return;
          this.onRequest(message);
        }, undefined);
      },
      true,
    );
    this.postRaw({ kind: 'hook-ready', hookVersion: BRIDGE_VERSION });
  }

  get connected(): boolean {
    return this.nonce !== null;
  }

  /** Sends a message to the content script; dropped until the handshake is done (the welcome carries the state). */
  send(message: Outgoing, transfer: Transferable[] = []): void {
    if (this.nonce === null) return;
    this.postRaw({ ...message, nonce: this.nonce } as PageMessage, transfer);
  }

  private postRaw(message: PageMessage, transfer: Transferable[] = []): void {
    const post = pageGlobals.postMessage;
    if (!post) return;
    safely(() => post(wrap('page', message), '*', transfer), undefined);
  }
}
