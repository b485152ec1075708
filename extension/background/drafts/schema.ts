// Drafts of packs being written in place, as kept in storage.local under one key with its own schema version, and
// the pure migration that reads whatever an earlier (or damaged, or newer) Literate left there without losing a
// draft: an annotator's unpublished work must survive crashes, closed tabs and extension updates.

import { MAX_DRAFT_TEXT, readDraft, type DraftRecord } from '../../../protocol/drafts';
import { isRec, type Rec } from '../../../base/is-record';

export { MAX_DRAFT_TEXT, readDraft, type DraftRecord };

export const DRAFTS_KEY = 'drafts';
export const DRAFTS_SCHEMA = 1;
/** At most this many drafts are kept; the oldest go first. */
export const MAX_DRAFTS = 30;
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

/** The value to store for these drafts (newest first, at most MAX_DRAFTS). */
export function storedDrafts(drafts: readonly DraftRecord[]): { schema: number; drafts: DraftRecord[] } {
  const sorted = [...drafts].sort((a, b) => b.savedAt - a.savedAt).slice(0, MAX_DRAFTS);
  return { schema: DRAFTS_SCHEMA, drafts: sorted };
}
