// Runtime messages for drafts, sent by the overlay's content script: save, list and delete the drafts of the page
// the sender is on. The page is taken from the sender's URL, never from the message, so a frame only ever sees
// and changes drafts written on its own page.

import { t } from '../../ui/i18n';
import type { DraftReply, DraftRequest, DraftRpc } from '../../../protocol/drafts';
import type { RpcReply, TypeOf } from '../../../protocol/rpc';
import { draftPage } from './schema';
import type { DraftStore } from './store';

/** The reply's type follows from the request's. */
export function handleDraftRequest<R extends DraftRequest>(
  request: R,
  senderUrl: string | null,
  store: DraftStore,
): Promise<RpcReply<DraftRpc, TypeOf<R>>>;
export async function handleDraftRequest(
  request: DraftRequest,
  senderUrl: string | null,
  store: DraftStore,
): Promise<DraftReply> {
  const page = senderUrl ? draftPage(senderUrl) : null;
  if (!page) return { ok: false, reason: t('draftNoPage') };
  switch (request.type) {
    case 'draft-list':
      return { ok: true, drafts: await store.list(page) };
    case 'draft-delete':
      return store.delete(request.id, page);
    case 'draft-save':
      return store.save({ ...request.draft, page });
  }
}
