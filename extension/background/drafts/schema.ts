// Drafts of packs being written in place, as kept in storage.local under one key with its own schema version, and
// the pure migration that reads whatever an earlier (or damaged, or newer) Literate left there without losing a
// draft: an annotator's unpublished work must survive crashes, closed tabs and extension updates.

export const DRAFTS_KEY = 'drafts';
export const DRAFTS_SCHEMA = 1;
/** At most this many drafts are kept; the oldest go first. */
export const MAX_DRAFTS = 30;
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

export interface DraftsState {
  drafts: DraftRecord[];
  /** Storage comes from a newer Literate: read what we understand, never write. */
  readOnly: boolean;
  notes: string[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

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
