// The content-script end of the bridge: the handshake, a private MessagePort per page load, validated messages only.

import { parseModelGraph } from '../../model/model-graph-validate';
import { type ContentMessage, type PageMessage, wrap } from '../../protocol/bridge';
import { parsePageMessage } from '../../protocol/bridge-validate';
import { randomId } from '../../base/random-id';

type Outgoing = ContentMessage extends infer M
  ? M extends { nonce: string }
    ? Omit<M, 'nonce'>
    : never
  : never;

export interface BridgeTarget {
  postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Talks to the hook in the same frame. Whichever side starts first, the handshake completes: the content script says
 * hello on start — handing the hook one end of a fresh MessageChannel — and again whenever the hook announces itself
 * before it has answered; the hook answers with a full snapshot on that channel. Everything after the hello travels
 * on the channel, which the page cannot see; every message is still validated, since the page world is untrusted.
 */
export class ContentBridge {
  readonly nonce = randomId(16);
  private port: MessagePort | null = null;
  private welcomed = false;
  private readonly listener = (event: MessageEvent): void => this.receiveAnnouncement(event);

  constructor(
    private readonly target: BridgeTarget,
    private readonly onMessage: (message: PageMessage) => void,
  ) {}

  start(): void {
    this.target.addEventListener('message', this.listener);
    this.sayHello();
  }

  stop(): void {
    this.target.removeEventListener('message', this.listener);
    this.port?.close();
    this.port = null;
  }

  send(message: Outgoing, transfer: Transferable[] = []): void {
    this.port?.postMessage(wrap('content', { ...message, nonce: this.nonce } as ContentMessage), transfer);
  }

  private sayHello(): void {
    this.port?.close();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event: MessageEvent) => this.receive(event.data);
    this.target.postMessage(wrap('content', { kind: 'hello', nonce: this.nonce }), '*', [channel.port2]);
  }

  /** The only thing read from window messages: the hook saying it is ready (our hello may have come too early). */
  private receiveAnnouncement(event: MessageEvent): void {
    if (event.source !== (this.target as unknown) || this.welcomed) return;
    const message = parsePageMessage(event.data, parseModelGraph);
    if (message?.kind === 'hook-ready') this.sayHello();
  }

  private receive(data: unknown): void {
    const message = parsePageMessage(data, parseModelGraph);
    if (!message || message.kind === 'hook-ready' || message.nonce !== this.nonce) return;
    if (message.kind === 'welcome') this.welcomed = true;
    this.onMessage(message);
  }
}
