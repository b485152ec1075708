// Typed request → reply maps between extension parts: one map per direction, whose keys are the requests' `type`s,
// so a sender's reply type follows from the request it sends and no caller casts a reply.

/** A map of `type` → `{ request, reply }`; each request's `type` is its key. */
export type RpcMap<M> = { [K in keyof M]: { request: { type: K }; reply: unknown } };

/** Every request of a map (a union over its `type`s). */
export type RpcRequest<M> = { [K in keyof M]: M[K] extends { request: infer Q } ? Q : never }[keyof M];

/** The reply to a request of type `T` (a union when `T` is). */
export type RpcReply<M, T> = T extends keyof M ? (M[T] extends { reply: infer A } ? A : never) : never;

/** The `type` of a request. */
export type TypeOf<R> = R extends { type: infer T } ? T : never;

/**
 * Sends a request of a map and resolves with its reply; `undefined` when nobody answered (the background was
 * restarting, or refused the sender).
 */
export type RpcSend<M> = <R extends RpcRequest<M>>(request: R) => Promise<RpcReply<M, TypeOf<R>> | undefined>;

/**
 * The typed sender of one direction over an untyped transport (`runtime.sendMessage`, `tabs.sendMessage`). The
 * receiver is the extension's own code answering from the same map, so its replies are taken as typed here: this is
 * the one place a direction's replies are trusted, instead of a cast at every caller.
 */
export function rpcSender<M extends RpcMap<M>>(
  transport: (request: RpcRequest<M>) => Promise<unknown>,
): RpcSend<M> {
  return <R extends RpcRequest<M>>(request: R) =>
    transport(request) as Promise<RpcReply<M, TypeOf<R>> | undefined>;
}

/** What the background answers when a handler that reports failures in its reply fails unexpectedly. */
export type RpcFailure = { ok: false; reason: string };
