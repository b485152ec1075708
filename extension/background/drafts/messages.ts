// Runtime messages for drafts, sent by the overlay's content script: save, list and delete the drafts of the page
// the sender is on. The page is taken from the sender's URL, never from the message, so a frame only ever sees
// and changes drafts written on its own page.

import { draftPage, MAX_DRAFT_TEXT, readDraft, type DraftRecord } from './schema';
import type { DraftStore } from './store';

export type DraftRequest =
  | { type: 'draft-save'; draft: Pick<DraftRecord, 'id' | 'title' | 'text' | 'basedOn'> }
  | { type: 'draft-list' }
  | { type: 'draft-delete'; id: string };

export type DraftReply =
  { ok: true; savedAt: number } | { ok: true; drafts: DraftRecord[] } | { ok: boolean; reason?: string };

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseDraftRequest(v: unknown): DraftRequest | null {
  if (!isRec(v)) return null;
  switch (v.type) {
    case 'draft-list':
      return { type: 'draft-list' };
    case 'draft-delete':
      return typeof v.id === 'string' && v.id.length <= 64 ? { type: 'draft-delete', id: v.id } : null;
    case 'draft-save': {
      if (!isRec(v.draft)) return null;
      const draft = readDraft({ ...v.draft, page: '', savedAt: 0 });
      if (!draft || typeof v.draft.text !== 'string' || v.draft.text.length > MAX_DRAFT_TEXT) return null;
      return {
        type: 'draft-save',
        draft: { id: draft.id, title: draft.title, text: draft.text, basedOn: draft.basedOn },
      };
    }
    default:
      return null;
  }
}

export async function handleDraftRequest(
  request: DraftRequest,
  senderUrl: string | null,
  store: DraftStore,
): Promise<DraftReply> {
  const page = senderUrl ? draftPage(senderUrl) : null;
  if (!page) return { ok: false, reason: 'Drafts are kept per page; this frame has no page address.' };
  switch (request.type) {
    case 'draft-list':
      return { ok: true, drafts: await store.list(page) };
    case 'draft-delete':
      return store.delete(request.id, page);
    case 'draft-save':
      return store.save({ ...request.draft, page });
  }
}
