// Sends a pack request from an extension page (popup, options, consent prompt) to the background.

import browser from '../browser';
import type { PagePacksRequest } from '../../protocol/packs-messages';

export async function ask<T>(request: PagePacksRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as T | undefined;
  if (reply === undefined) throw new Error('Literate’s background did not answer; try again.');
  return reply;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
