// The background's handler table: for every runtime message type, who may send it and what answers it, typed by the
// protocol's request → reply map. One parser and one sender check in front of every handler (routeMessage).

import { parseRuntimeMessage, type BackgroundRpc } from '../../protocol/background-rpc';
import type { RpcFailure, RpcReply, RpcRequest } from '../../protocol/rpc';
import { admits, type ContentScriptSender, type ExtensionPageSender, type Sender } from './senders';

type Type = keyof BackgroundRpc;
type Request<K extends Type> = Extract<RpcRequest<BackgroundRpc>, { type: K }>;
type Reply<K extends Type> = RpcReply<BackgroundRpc, K>;
type Answer<K extends Type> = Reply<K> | Promise<Reply<K>>;

/** One message type's route: who may send it, and its handler, which gets that sender already classified. */
export type Route<K extends Type> =
  | { from: 'content-script'; handle(request: Request<K>, sender: ContentScriptSender): Answer<K> }
  | { from: 'extension-page'; handle(request: Request<K>, sender: ExtensionPageSender): Answer<K> }
  | { from: 'any'; handle(request: Request<K>, sender: Sender): Answer<K> };

export type Routes = { [K in Type]: Route<K> };

/**
 * Parses a runtime message and hands it to its route when the sender may send it; `undefined` (no answer) for an
 * invalid message or a sender the route does not admit. Handlers run once `ready` settles.
 */
export function routeMessage(
  routes: Routes,
  raw: unknown,
  sender: Sender,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<unknown> | undefined {
  const request = parseRuntimeMessage(raw);
  if (!request) return undefined;
  // The table is indexed by the request's own type, so route and request agree; TypeScript cannot correlate the two
  // unions, hence the one widening here.
  const route = routes[request.type] as {
    from: Route<Type>['from'];
    handle(request: RpcRequest<BackgroundRpc>, sender: Sender): unknown;
  };
  if (!admits(route.from, sender)) return undefined;
  // `ready`: the worker's state restored from session storage (it can be stopped and restarted at any time).
  return ready.then(() => route.handle(request, sender));
}

/**
 * Wraps a handler whose reply can say it failed: an exception is logged and answered as `{ ok: false, reason }`.
 * (A handler whose reply is a view cannot be wrapped — it does not type-check — and its sender's promise rejects.)
 */
export function answeringFailure<Q, S, A>(
  log: (error: unknown) => RpcFailure,
  handle: (request: Q, sender: S) => A | Promise<A>,
): (request: Q, sender: S) => Promise<A | RpcFailure> {
  return async (request, sender) => {
    try {
      return await handle(request, sender);
    } catch (error) {
      return log(error);
    }
  };
}

/** Wraps a handler so that an exception is logged before the sender's promise rejects with it. */
export function loggingFailure<Q, S, A>(
  log: (error: unknown) => void,
  handle: (request: Q, sender: S) => A | Promise<A>,
): (request: Q, sender: S) => Promise<A> {
  return async (request, sender) => {
    try {
      return await handle(request, sender);
    } catch (error) {
      log(error);
      throw error;
    }
  };
}
