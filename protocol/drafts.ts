// Runtime messages for drafts, sent by the overlay's content script to the background (save, list, delete the drafts
// of the sender's page), and the draft record they carry. The page is always the sender's, never the message's.
import { isRec } from '../base/is-record';

import type { RpcFailure, RpcReply, RpcRequest } from './rpc';

/** Characters of one draft's pack JSON (a pack's own limit is 1 MB; a little room for work in progress). */
export const MAX_DRAFT_TEXT = 2 * 1024 * 1024;

export interface DraftRecord {
  /** Chosen by the editor ('d' + random hex); stable across saves. */
  id: string;
  /** origin + path of the page it is written on (no query or fragment): where "Resume draft" is offered. */
  page: string;
  title: string;
  /** The draft pack as JSON text (may be invalid while being written). */
  text: string;
  /** Key of the stored pack this draft is a new version of, or null for a new pack. */
  basedOn: string | null;
  savedAt: number;
}

export function readDraft(v: unknown): DraftRecord | null {
  if (!isRec(v)) return null;
  const { id, page, title, text, basedOn, savedAt } = v;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  if (typeof page !== 'string' || page.length > 4096) return null;
  if (typeof text !== 'string' || text.length > MAX_DRAFT_TEXT) return null;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
  return {
    id,
    page,
    title: typeof title === 'string' ? title.slice(0, 500) : '',
    text,
    basedOn: typeof basedOn === 'string' ? basedOn : null,
    savedAt,
  };
}

/** Content scripts → background: the drafts of the sender's own page (the page is never the message's). */
export interface DraftRpc {
  'draft-save': {
    request: { type: 'draft-save'; draft: Pick<DraftRecord, 'id' | 'title' | 'text' | 'basedOn'> };
    reply: { ok: true; savedAt: number } | RpcFailure;
  };
  /** The page's drafts, newest first. */
  'draft-list': { request: { type: 'draft-list' }; reply: { ok: true; drafts: DraftRecord[] } | RpcFailure };
  'draft-delete': { request: { type: 'draft-delete'; id: string }; reply: { ok: boolean; reason?: string } };
}

export type DraftRequest = RpcRequest<DraftRpc>;

/** Any reply to a drafts message. */
export type DraftReply = RpcReply<DraftRpc, keyof DraftRpc>;

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
