// Drafts of packs being written in place, as kept in storage.local under one key with its own schema version, and
// the pure migration that reads whatever an earlier (or damaged, or newer) Literate left there without losing a
// draft: an annotator's unpublished work must survive crashes, closed tabs and extension updates.

import { t } from '../../ui/i18n';
import { MAX_DRAFT_TEXT, readDraft, type DraftRecord } from '../../../protocol/drafts';
import { isRec, type Rec } from '../../../base/is-record';

export { MAX_DRAFT_TEXT, readDraft, type DraftRecord };

export const DRAFTS_KEY = 'drafts';
export const DRAFTS_SCHEMA = 1;
/** At most this many drafts on one page: a new one beyond is refused (never evicts, not even this page's). */
export const MAX_DRAFTS_PER_PAGE = 10;
/** At most this many drafts in all: a new one beyond is refused, so no page can push out another page's drafts. */
export const MAX_DRAFTS = 100;
export interface DraftsState {
  drafts: DraftRecord[];
  /** Storage comes from a newer Literate: read what we understand, never write. */
  readOnly: boolean;
  notes: string[];
}

/** The page key of a URL: origin + path. */
export function draftPage(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

/** MIGRATIONS[n] turns the stored value of schema n into schema n + 1. */
const MIGRATIONS: Record<number, (v: Rec) => Rec> = {
  // Schema 0: nothing stored yet.
  0: () => ({ schema: 1, drafts: [] }),
};

/** Reads the stored value (any version) into the current shape. Pure. */
export function migrateDrafts(stored: unknown): DraftsState {
  const notes: string[] = [];
  let value: Rec = isRec(stored) ? stored : {};
  if (stored !== undefined && !isRec(stored))
    notes.push('the stored drafts were not an object; started afresh');
  let version = typeof value.schema === 'number' && Number.isInteger(value.schema) ? value.schema : 0;
  const readOnly = version > DRAFTS_SCHEMA;
  if (readOnly) notes.push(`drafts are from a newer Literate (schema ${version}); kept, not changed`);
  while (version < DRAFTS_SCHEMA) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no drafts migration from schema ${version}`);
    value = step(value);
    version++;
  }
  const drafts: DraftRecord[] = [];
  const ids = new Set<string>();
  for (const raw of Array.isArray(value.drafts) ? value.drafts : []) {
    const draft = readDraft(raw);
    if (!draft) notes.push('dropped a damaged draft entry');
    else if (!ids.has(draft.id)) {
      ids.add(draft.id);
      drafts.push(draft);
    }
  }
  return { drafts, readOnly, notes };
}

/** The value to store for these drafts (newest first; the caps are kept by refusing new drafts, never by dropping). */
export function storedDrafts(drafts: readonly DraftRecord[]): { schema: number; drafts: DraftRecord[] } {
  const sorted = [...drafts].sort((a, b) => b.savedAt - a.savedAt);
  return { schema: DRAFTS_SCHEMA, drafts: sorted };
}

/** Why a draft cannot be saved on `page` (its id on another page, or a cap reached by a new draft); null if it can. */
export function draftRefusal(drafts: readonly DraftRecord[], id: string, page: string): string | null {
  const same = drafts.find((d) => d.id === id);
  if (same) return same.page === page ? null : t('draftOtherPage');
  if (drafts.filter((d) => d.page === page).length >= MAX_DRAFTS_PER_PAGE)
    return t('draftPageFull', MAX_DRAFTS_PER_PAGE);
  if (drafts.length >= MAX_DRAFTS) return t('draftAllFull', MAX_DRAFTS);
  return null;
}
