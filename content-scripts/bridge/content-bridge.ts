// The content-script end of the bridge: the handshake, a nonce per page load, and validated messages only.

import { parseModelGraph } from './model-graph-validate';
import { type ContentMessage, type PageMessage, parsePageMessage, wrap } from './protocol';

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

function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Talks to the hook in the same frame. Whichever side starts first, the handshake completes: the content script says
 * hello on start and again whenever the hook announces itself; the hook answers every hello with a full snapshot.
 */
export class ContentBridge {
  readonly nonce = makeNonce();
  private readonly listener = (event: MessageEvent): void => this.receive(event);

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
  }

  send(message: Outgoing, transfer: Transferable[] = []): void {
    this.target.postMessage(
      wrap('content', { ...message, nonce: this.nonce } as ContentMessage),
      '*',
      transfer,
    );
  }

  private sayHello(): void {
    this.send({ kind: 'hello' });
  }

  private receive(event: MessageEvent): void {
    if (event.source !== (this.target as unknown)) return;
    const message = parsePageMessage(event.data, parseModelGraph);
    if (!message) return;
    if (message.kind === 'hook-ready') {
      this.sayHello();
      return;
    }
    if (message.nonce !== this.nonce) return;
    this.onMessage(message);
  }
}
