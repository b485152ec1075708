// Sends a request from an extension page (popup, options, consent prompt) to the background; the reply's type
// follows from the request's (protocol/background-rpc.ts), so no page casts a reply.

import browser from '../browser';
import type { ExtensionPageRpc } from '../../protocol/background-rpc';
import { rpcSender, type RpcReply, type RpcRequest, type TypeOf } from '../../protocol/rpc';

const send = rpcSender<ExtensionPageRpc>((request) => browser.runtime.sendMessage(request));

/** Resolves with the background's reply; rejects when it did not answer or its handler failed. */
export async function ask<R extends RpcRequest<ExtensionPageRpc>>(
  request: R,
): Promise<RpcReply<ExtensionPageRpc, TypeOf<R>>> {
  const reply = await send(request);
  if (reply === undefined) throw new Error('Literate’s background did not answer; try again.');
  return reply;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
