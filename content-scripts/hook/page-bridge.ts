// The page-world end of the bridge: answers the content script's handshake and requests, sends what the hook learns.
// Each content-script hello carries a MessagePort: from then on that channel is private (the page never sees its
// messages), and the hook's document_start listener hides the hello itself from listeners the page adds later. Every
// getter and method the handshake and the channel use (MessageEvent's data/source/ports, stopImmediatePropagation,
// MessagePort's postMessage/close/onmessage) was captured at document_start, so a page that patches them later can
// neither see the hello nor take its port. The page can still post hellos of its own: each opens a channel of its
// own (first come, at most MAX_CHANNELS), so a forged hello can neither read, take over nor close ours. What the
// page's snapshot says about the frame's URL is not believed: the content script reports its own location.

import { type ContentMessage, type PageMessage, wrap, BRIDGE_VERSION } from '../../protocol/bridge';
import { parseContentMessage } from '../../protocol/bridge-validate';
import { callCaptured, eventField, pageGlobals, safely } from './page-globals';

type Outgoing = PageMessage extends infer M
  ? M extends { nonce: string }
    ? Omit<M, 'nonce'>
    : never
  : never;

const MAX_CHANNELS = 16;

interface Channel {
  nonce: string;
  port: MessagePort;
}

export class PageBridge {
  private channels: Channel[] = [];

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
          if (eventField(event, 'source') !== pageGlobals.global) return;
          const message = parseContentMessage(eventField(event, 'data'));
          if (!message || message.kind !== 'hello') return;
          const ports = eventField(event, 'ports');
          const port = pageGlobals.isArray(ports) ? (ports[0] as MessagePort | undefined) : undefined;
          if (!port) return;
          // Listeners the page registers after document_start never see a hello (nor its port).
          callCaptured(pageGlobals.handshake.stopImmediatePropagation, event, 'stopImmediatePropagation', []);
          this.open(message.nonce, port);
        }, undefined);
      },
      true,
    );
    this.postRaw({ kind: 'hook-ready', hookVersion: BRIDGE_VERSION });
  }

  get connected(): boolean {
    return this.channels.length > 0;
  }

  /** Sends to one channel (replies, tap frames: `to` is the requester's nonce) or, without `to`, to all of them. */
  send(message: Outgoing, transfer: Transferable[] = [], to?: string): void {
    if (to !== undefined) {
      const channel = this.channels.find((c) => c.nonce === to);
      if (channel) this.postTo(channel, message, transfer);
      return;
    }
    for (const channel of this.channels) this.postTo(channel, message, []);
  }

  /** A content script said hello (on start, or again when the hook announced itself): open or renew its channel. */
  private open(nonce: string, port: MessagePort): void {
    const known = this.channels.find((c) => c.nonce === nonce);
    if (!known && this.channels.length >= MAX_CHANNELS) {
      safely(() => callCaptured(pageGlobals.handshake.portClose, port, 'close', []), undefined);
      return;
    }
    if (known) {
      const old = known.port;
      safely(() => callCaptured(pageGlobals.handshake.portClose, old, 'close', []), undefined);
      known.port = port;
    } else {
      this.channels.push({ nonce, port });
    }
    const onMessage = (event: MessageEvent): void => {
      safely(() => {
        const message = parseContentMessage(eventField(event, 'data'));
        if (message && message.kind !== 'hello' && message.nonce === nonce) this.onRequest(message);
      }, undefined);
    };
    const set = pageGlobals.handshake.setPortOnMessage;
    if (!set || !safely(() => (pageGlobals.apply(set, port, [onMessage]), true), false))
      safely(() => (port.onmessage = onMessage), undefined);
    this.onHello(nonce);
  }

  private postTo(channel: Channel, message: Outgoing, transfer: Transferable[]): void {
    safely(
      () =>
        callCaptured(pageGlobals.handshake.portPostMessage, channel.port, 'postMessage', [
          wrap('page', { ...message, nonce: channel.nonce } as PageMessage),
          transfer,
        ]),
      undefined,
    );
  }

  private postRaw(message: PageMessage): void {
    const post = pageGlobals.postMessage;
    if (!post) return;
    safely(() => post(wrap('page', message), '*'), undefined);
  }
}
