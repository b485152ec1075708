// Runtime messages for drafts, sent by the overlay's content script to the background (save, list, delete the drafts
// of the sender's page), and the draft record they carry. The page is always the sender's, never the message's.
import { isRec } from '../base/is-record';

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

export type DraftRequest =
  | { type: 'draft-save'; draft: Pick<DraftRecord, 'id' | 'title' | 'text' | 'basedOn'> }
  | { type: 'draft-list' }
  | { type: 'draft-delete'; id: string };

export type DraftReply =
  { ok: true; savedAt: number } | { ok: true; drafts: DraftRecord[] } | { ok: boolean; reason?: string };

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
