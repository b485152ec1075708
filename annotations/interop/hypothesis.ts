// Import from Hypothesis: its API's annotation rows (a search response `{ total, rows }`, a bare array of rows, or one
// row) become W3C annotations, then a pack through importW3C, with each Hypothesis-only loss reported as skipped.
import type { ValidationError } from '../format/validate';
import type { Pack } from '../format/types';
import { isRec, type Rec as Json } from '../../base/is-record';
import { importW3C, type ImportOptions, type Skipped } from './w3c';

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The rows of a Hypothesis export: `{ rows: [...] }` from /api/search, an array of rows, or a single row. */
export function hypothesisRows(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (isRec(input) && Array.isArray(input.rows)) return input.rows;
  if (isRec(input) && ('uri' in input || 'target' in input)) return [input];
  return [];
}

/** A person's name out of a row: `user_info.display_name`, else the name part of `acct:name@host`. */
function userName(row: Json): string | undefined {
  const display = isRec(row.user_info) ? row.user_info.display_name : undefined;
  if (typeof display === 'string' && display.trim()) return display.trim().slice(0, 200);
  if (typeof row.user !== 'string') return undefined;
  return /^acct:([^@]+)@/.exec(row.user)?.[1]?.slice(0, 200) ?? undefined;
}

function documentTitle(row: Json): string | undefined {
  const title = isRec(row.document) ? asArray(row.document.title)[0] : undefined;
  return typeof title === 'string' && title.trim() ? title.trim().slice(0, 200) : undefined;
}

/** Why a row cannot become a note, or undefined when it can. */
function unusable(row: Json): string | undefined {
  if (asArray(row.references).length > 0) return 'a reply: Literate packs have no threads';
  const text = typeof row.text === 'string' ? row.text.trim() : '';
  const selectors = asArray(row.target).flatMap((t) => (isRec(t) ? asArray(t.selector) : []));
  if (selectors.length === 0) return 'a page note: it has no selector on the page';
  if (!text) return 'a highlight without text';
  return undefined;
}

/** One Hypothesis row as a W3C annotation (Hypothesis's `text` is Markdown; its `uri` is the page). */
function rowToW3C(row: Json): Json {
  const targets = asArray(row.target).filter(isRec);
  return {
    ...(typeof row.id === 'string' ? { id: row.id } : {}),
    type: 'Annotation',
    motivation: 'commenting',
    body: [{ type: 'TextualBody', format: 'text/markdown', value: row.text }],
    target: targets.map((target) => ({
      source: typeof target.source === 'string' ? target.source : row.uri,
      selector: target.selector,
    })),
  };
}

/** Builds a pack of notes from Hypothesis API rows; replies, page notes and highlights are listed as skipped. */
export function importHypothesis(
  input: unknown,
  options: ImportOptions = {},
): { pack: Pack; skipped: Skipped[]; errors: ValidationError[] } {
  const skipped: Skipped[] = [];
  const annotations: Json[] = [];
  const creators = new Set<string>();
  let title: string | undefined;
  hypothesisRows(input).forEach((row, index) => {
    if (!isRec(row)) return skipped.push({ id: `#${index}`, reason: 'not an annotation object' });
    const id = typeof row.id === 'string' ? row.id : `#${index}`;
    const why = unusable(row);
    if (why) return skipped.push({ id, reason: why });
    if (asArray(row.tags).length > 0) skipped.push({ id, reason: 'imported without its tags' });
    const name = userName(row);
    if (name) creators.add(name);
    title ??= documentTitle(row);
    annotations.push(rowToW3C(row));
    return undefined;
  });
  const collection = {
    type: 'AnnotationCollection',
    ...(title ? { label: `Notes on ${title}`.slice(0, 200) } : {}),
    creator: [...creators].slice(0, 50),
    first: { type: 'AnnotationPage', items: annotations },
  };
  const result = importW3C(collection, options);
  return { ...result, skipped: [...skipped, ...result.skipped] };
}
