// Interop with the W3C Web Annotation ecosystem: export a pack's page-anchored notes as a plain
// AnnotationCollection (TextualBody + Css/TextQuote/TextPosition selectors), and import such annotations as a pack.
import { validatePack, type ValidationError } from '../format/validate';
import type { Annotation, NoteAnnotation, Pack, PageSelector } from '../format/types';
import { LITERATE_CONTEXT, W3C_ANNO_CONTEXT } from '../format/types';
import { MOTIVATIONS, PATTERNS } from '../format/pack-spec';
import { isRec, type Rec as Json } from '../../base/is-record';

export interface Skipped {
  id?: string;
  reason: string;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function annotationIri(pack: Pack, id: string): string {
  return /^[a-z][a-z0-9+.-]*:/.test(pack.id)
    ? `${pack.id.replace(/#.*$/, '')}#${id}`
    : `urn:literate:${pack.id}:${id}`;
}

/**
 * The page an exported target names: its own source, else the first pattern without wildcards of its own pages
 * (per-page notes), then of the pack's, else the first pattern.
 */
function pageSource(pack: Pack, source?: string, pages?: string[]): string {
  const all = [...(pages ?? []), ...pack.targets.pages];
  return source ?? all.find((p) => !p.includes('*')) ?? (all[0] as string);
}

/** What exporting an explorable as text loses (W3C has no controls and no hidden answers). */
const EXPLORABLE_LOSS: Record<string, string> = {
  control: 'exported as its label and caption: the control itself has no W3C equivalent',
  predict: 'exported as its question and options: the reveal and its explanation are dropped',
};

/** The Markdown an explorable exports as (its words, without what only the overlay can do), else undefined. */
function explorableText(annotation: Annotation): string | undefined {
  if (annotation.kind === 'control')
    return [`**${annotation.body.label}**`, annotation.body.caption ?? ''].filter(Boolean).join('\n\n');
  if (annotation.kind === 'predict')
    return `${annotation.body.question}\n\n${annotation.body.options.map((o) => `- ${o}`).join('\n')}`;
  return undefined;
}

/** W3C JSON-LD for the pack's notes that have page selectors; other annotations are listed as skipped. */
export function exportW3C(pack: Pack): { collection: Json; skipped: Skipped[] } {
  const items: Json[] = [];
  const skipped: Skipped[] = [];
  for (const annotation of pack.items) {
    const text = annotation.kind === 'note' ? annotation.body.value : explorableText(annotation);
    if (text === undefined) {
      skipped.push({
        id: annotation.id,
        reason: `${annotation.kind === 'equation' || annotation.kind === 'example' ? 'an' : 'a'} ${annotation.kind} has no W3C equivalent`,
      });
      continue;
    }
    const selectors = annotation.target?.selector;
    if (!selectors || selectors.length === 0) {
      skipped.push({
        id: annotation.id,
        reason: annotation.target?.diagram
          ? 'anchored to the diagram only: W3C has no selector for part of a model'
          : 'not anchored to the page',
      });
      continue;
    }
    if (annotation.target?.model)
      skipped.push({ id: annotation.id, reason: 'exported without its model anchor' });
    if (annotation.target?.diagram)
      skipped.push({ id: annotation.id, reason: 'exported without its diagram anchor' });
    if (annotation.kind !== 'note')
      skipped.push({ id: annotation.id, reason: EXPLORABLE_LOSS[annotation.kind] ?? 'exported as text' });
    const body: Json = { type: 'TextualBody', value: text, format: 'text/markdown' };
    if (annotation.kind === 'note' && annotation.body.language) body.language = annotation.body.language;
    items.push({
      id: annotationIri(pack, annotation.id),
      type: 'Annotation',
      motivation: annotation.motivation,
      body,
      target: {
        source: pageSource(pack, annotation.target?.source, annotation.target?.pages),
        selector: selectors.length === 1 ? selectors[0] : selectors,
      },
    });
  }
  const collection: Json = {
    '@context': W3C_ANNO_CONTEXT,
    ...(/^[a-z][a-z0-9+.-]*:/.test(pack.id) ? { id: pack.id } : {}),
    type: 'AnnotationCollection',
    label: pack.title,
    creator: pack.authors.map((a) => ({
      type: 'Person',
      name: a.name,
      ...(a.url ? { homepage: a.url } : {}),
    })),
    ...(/^[A-Za-z0-9.+-]+$/.test(pack.license)
      ? { rights: `https://spdx.org/licenses/${pack.license}.html` }
      : {}),
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  return { collection, skipped };
}

export interface ImportOptions {
  id?: string;
  title?: string;
  license?: string;
  author?: string;
  /** URL pattern for targets.pages when the annotations' sources give none. */
  page?: string;
}

/** Supported selectors (with supported refinements) out of a W3C selector value. */
function importSelectors(value: unknown): PageSelector[] {
  const out: PageSelector[] = [];
  for (const raw of asArray(value)) {
    const selector = importSelector(raw);
    if (selector) out.push(selector);
  }
  return out;
}

function importSelector(raw: unknown): PageSelector | undefined {
  if (!isRec(raw)) return undefined;
  let selector: PageSelector | undefined;
  if (raw.type === 'CssSelector' && typeof raw.value === 'string')
    selector = { type: 'CssSelector', value: raw.value };
  else if (raw.type === 'TextQuoteSelector' && typeof raw.exact === 'string' && raw.exact !== '')
    selector = {
      type: 'TextQuoteSelector',
      exact: raw.exact,
      ...(typeof raw.prefix === 'string' ? { prefix: raw.prefix.slice(-200) } : {}),
      ...(typeof raw.suffix === 'string' ? { suffix: raw.suffix.slice(0, 200) } : {}),
    };
  else if (raw.type === 'TextPositionSelector' && Number.isInteger(raw.start) && Number.isInteger(raw.end))
    selector = { type: 'TextPositionSelector', start: raw.start as number, end: raw.end as number };
  if (!selector) return undefined;
  if (raw.refinedBy !== undefined) {
    const refinement = importSelector(asArray(raw.refinedBy)[0]);
    if (!refinement) return undefined; // a refinement we cannot follow would widen the anchor: drop it all
    selector.refinedBy = refinement;
  }
  return selector;
}

/** Plain text as Markdown that shows the same characters. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>|$~])/g, '\\$1');
}

function bodyText(annotation: Json): string | undefined {
  if (typeof annotation.bodyValue === 'string') return escapeMarkdown(annotation.bodyValue);
  for (const body of asArray(annotation.body)) {
    if (!isRec(body) || typeof body.value !== 'string') continue;
    if (body.purpose === 'tagging') continue;
    // Live values need model aliases an imported pack does not have: keep their text, literally.
    if (body.format === 'text/markdown') return body.value.replace(/(^|[^\\])\{\{/g, '$1\\{{');
    if (body.format === 'text/html') {
      const text = body.value
        .replace(/<[^>]*>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
      return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
    }
    return escapeMarkdown(body.value);
  }
  return undefined;
}

function annotationsOf(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (!isRec(input)) return [];
  if (input.type === 'Annotation') return [input];
  if (Array.isArray(input.items)) return input.items;
  if (isRec(input.first)) return annotationsOf(input.first);
  return [];
}

/** A page URL as a pattern that matches exactly it (fragment dropped); undefined when it is not http(s). */
function pagePattern(source: string): string | undefined {
  const url = source.replace(/#.*$/, '');
  return PATTERNS.urlPattern.test(url) ? url : undefined;
}

function localId(raw: unknown, index: number, used: Set<string>): string {
  const tail = typeof raw === 'string' ? (raw.split(/[#/:]/).filter(Boolean).pop() ?? '') : '';
  let id =
    tail
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 100) || `note-${index + 1}`;
  for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
  used.add(id);
  return id;
}

/** Builds a pack of notes from W3C annotations with TextQuote / Css / TextPosition selectors. */
export function importW3C(
  input: unknown,
  options: ImportOptions = {},
): { pack: Pack; skipped: Skipped[]; errors: ValidationError[] } {
  const skipped: Skipped[] = [];
  const items: NoteAnnotation[] = [];
  const pages = new Set<string>();
  const used = new Set<string>();
  annotationsOf(input).forEach((raw, index) => {
    const name = isRec(raw) && typeof raw.id === 'string' ? raw.id : `#${index}`;
    if (!isRec(raw)) return skipped.push({ id: name, reason: 'not an annotation object' });
    const value = bodyText(raw);
    if (!value) return skipped.push({ id: name, reason: 'no textual body' });
    const target = asArray(raw.target).find((t) => isRec(t) && importSelectors(t.selector).length > 0) as
      Json | undefined;
    if (!target)
      return skipped.push({
        id: name,
        reason: 'no CssSelector, TextQuoteSelector or TextPositionSelector target',
      });
    const source = typeof target.source === 'string' ? target.source : undefined;
    const pattern = source ? pagePattern(source) : undefined;
    if (pattern) pages.add(pattern);
    const motivation = (MOTIVATIONS as readonly string[]).includes(raw.motivation as string)
      ? (raw.motivation as NoteAnnotation['motivation'])
      : 'commenting';
    items.push({
      id: localId(raw.id, index, used),
      type: 'Annotation',
      motivation,
      kind: 'note',
      body: { type: 'TextualBody', format: 'text/markdown', value },
      target: {
        ...(source && /^https?:\/\//.test(source) ? { source } : {}),
        selector: importSelectors(target.selector),
      },
    });
    return undefined;
  });
  const collection = isRec(input) ? input : {};
  const creators = asArray(collection.creator).flatMap((c) => {
    if (typeof c === 'string') return [{ name: c }];
    if (!isRec(c) || typeof c.name !== 'string') return [];
    return [
      {
        name: c.name,
        ...(typeof c.homepage === 'string' && PATTERNS.httpUrl.test(c.homepage) ? { url: c.homepage } : {}),
      },
    ];
  });
  const spdx =
    typeof collection.rights === 'string'
      ? /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html)?$/.exec(collection.rights)?.[1]
      : undefined;
  const pack: Pack = {
    '@context': [W3C_ANNO_CONTEXT, LITERATE_CONTEXT],
    type: 'AnnotationCollection',
    literate: '1',
    id:
      options.id ??
      (typeof collection.id === 'string' && PATTERNS.packId.test(collection.id)
        ? collection.id
        : 'imported-annotations'),
    title:
      options.title ?? (typeof collection.label === 'string' ? collection.label : 'Imported annotations'),
    authors: options.author
      ? [{ name: options.author }]
      : creators.length > 0
        ? creators
        : [{ name: 'Unknown' }],
    license: options.license ?? spdx ?? 'NOASSERTION',
    version: '1.0.0',
    targets: {
      pages: options.page ? [options.page] : [...pages],
      models: [{ alias: 'model', optional: true }],
    },
    items,
  };
  const validation = validatePack(pack);
  return { pack, skipped, errors: validation.ok ? [] : validation.errors };
}
