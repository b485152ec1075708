// Pure migrations of storage.local to the current schema: from any older version, and repairs of damaged entries
// that never drop a reader's own pack. Storage from a newer Literate is read but never written.

import {
  emptyState,
  KEYS,
  readPackRecord,
  readSource,
  readTrust,
  SCHEMA_VERSION,
  TEXT_PREFIX,
  textKey,
  type PackRecord,
  type Source,
  type StoreState,
} from './schema';

export type StorageItems = Record<string, unknown>;

export interface MigrationResult {
  /** The version found: 0 when storage had no schema key (fresh install or pre-release build). */
  from: number;
  state: StoreState;
  /** What to write back and remove so storage holds the current schema. */
  set: StorageItems;
  remove: string[];
  /** Storage comes from a newer version of Literate: use what we understand, write nothing. */
  readOnly: boolean;
  /** What was repaired, for diagnostics. */
  notes: string[];
}

/** Recovered pack records whose source was lost are kept under this source (the reader's own, never updated). */
export const RECOVERED_SOURCE_ID = 'recovered';

type Step = (items: StorageItems) => StorageItems;

/** MIGRATIONS[n] turns schema n into schema n + 1. */
const MIGRATIONS: Record<number, Step> = {
  // v0: nothing of the pack store yet. Keep whatever else is there; start with empty sources and packs.
  0: (items) => ({
    ...items,
    [KEYS.schema]: 1,
    [KEYS.sources]: Array.isArray(items[KEYS.sources]) ? items[KEYS.sources] : [],
    [KEYS.packs]: Array.isArray(items[KEYS.packs]) ? items[KEYS.packs] : [],
    [KEYS.trust]: items[KEYS.trust] ?? { origins: [] },
  }),
};

export function schemaOf(items: StorageItems): number {
  const v = items[KEYS.schema];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Reads the current schema's entries tolerantly; keeps every pack whose text is present. */
function normalize(items: StorageItems, notes: string[]): StoreState {
  const state = emptyState();
  const sourceIds = new Set<string>();
  const rawSources = items[KEYS.sources];
  for (const raw of Array.isArray(rawSources) ? rawSources : []) {
    const source = readSource(raw);
    if (!source) notes.push('dropped a damaged source entry');
    else if (sourceIds.has(source.id)) notes.push(`dropped a duplicate of source ${source.id}`);
    else {
      sourceIds.add(source.id);
      state.sources.push(source);
    }
  }
  const keys = new Set<string>();
  let recovered = false;
  const rawPacks = items[KEYS.packs];
  for (const raw of Array.isArray(rawPacks) ? rawPacks : []) {
    const record = readPackRecord(raw);
    if (!record) {
      notes.push('dropped a damaged pack entry');
      continue;
    }
    if (typeof items[textKey(record.sha256)] !== 'string') {
      notes.push(`dropped pack ${record.title}: its text is missing`);
      continue;
    }
    if (keys.has(record.key)) {
      notes.push(`dropped a duplicate of pack ${record.key}`);
      continue;
    }
    let kept: PackRecord = record;
    if (!sourceIds.has(record.sourceId)) {
      // The source entry was lost: keep the pack as the reader's own rather than lose it.
      kept = { ...record, sourceId: RECOVERED_SOURCE_ID, key: `${RECOVERED_SOURCE_ID}:${record.packId}` };
      if (keys.has(kept.key)) continue;
      recovered = true;
      notes.push(`kept pack ${record.title} under "Recovered packs": its source entry was lost`);
    }
    keys.add(kept.key);
    state.packs.push(kept);
  }
  if (recovered && !sourceIds.has(RECOVERED_SOURCE_ID)) {
    const source: Source = {
      id: RECOVERED_SOURCE_ID,
      kind: 'file',
      label: 'Recovered packs',
      addedAt: 0,
      problems: [],
    };
    state.sources.push(source);
  }
  state.trust = readTrust(items[KEYS.trust]);
  return state;
}

/** Brings storage to SCHEMA_VERSION. Pure: the caller writes `set` and removes `remove`. */
export function migrate(original: StorageItems): MigrationResult {
  const from = schemaOf(original);
  const notes: string[] = [];
  if (from > SCHEMA_VERSION) {
    notes.push(`storage is from a newer Literate (schema ${from}); nothing is written until it is updated`);
    return { from, state: normalize(original, notes), set: {}, remove: [], readOnly: true, notes };
  }
  let items = original;
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from schema ${version}`);
    items = step(items);
  }
  const state = normalize(items, notes);
  const referenced = new Set(state.packs.map((p) => textKey(p.sha256)));
  const remove = Object.keys(original).filter((k) => k.startsWith(TEXT_PREFIX) && !referenced.has(k));
  const set: StorageItems = {
    [KEYS.schema]: SCHEMA_VERSION,
    [KEYS.sources]: state.sources,
    [KEYS.packs]: state.packs,
    [KEYS.trust]: state.trust,
  };
  return { from, state, set, remove, readOnly: false, notes };
}
