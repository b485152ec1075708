// Which packs apply to a frame, decided locally from the frame URL and the frame's described models (nothing leaves
// the browser), and which one is shown: the reader's choice, else a linked pack, else the best complete match — in the
// reader's language first when several apply.

import type { ModelGraph } from '../../../model/model-graph';
import { matchModels } from '../../../annotations/targets/match-models';
import { matchPageUrl } from '../../../annotations/targets/match-page';
import type { PackOffer, Provenance } from '../../../protocol/packs';
import type { PackRecord, Source } from './schema';
import type { UsablePack } from './store';

export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function provenanceOf(record: PackRecord, source: Source): Provenance {
  const url = record.url ?? source.url ?? null;
  return {
    packId: record.packId,
    title: record.title,
    authors: record.authors,
    version: record.version,
    license: record.license,
    sourceKind: source.kind,
    sourceLabel: source.label,
    url,
    origin: source.kind === 'file' || source.kind === 'edit' ? null : originOf(url ?? undefined),
    signature: record.signature ?? null,
    signerChange: record.signerChange ?? null,
  };
}

/** How well a pack's language suits a reader who reads `readerLanguages` (most preferred first): 2 for the same
 * tag as the first one the reader reads (`pt-BR` = `pt-BR`), 1 for the same language (`fr-CA` for `fr`), 0 else;
 * earlier reader languages weigh more. A pack that names no language ranks as 0. */
export function languageRank(packLanguage: string | undefined, readerLanguages: readonly string[]): number {
  if (!packLanguage) return 0;
  const pack = packLanguage.toLowerCase().replace(/_/g, '-');
  const primary = (tag: string) => tag.split('-')[0];
  let best = 0;
  readerLanguages.forEach((reader, i) => {
    const r = reader.toLowerCase().replace(/_/g, '-');
    const weight = readerLanguages.length - i;
    const score = r === pack ? 2 * weight + 1 : primary(r) === primary(pack) ? 2 * weight : 0;
    best = Math.max(best, score);
  });
  return best;
}

/**
 * Offers for a frame: packs whose page patterns match `frameUrl`, plus packs a share link opened on this tab.
 * `graphs` null means the frame's models are not described yet (only page matching is done). `readerLanguages`
 * (most preferred first) puts packs in the reader's language ahead of better-bound ones in another.
 */
export function offersFor(
  usable: readonly UsablePack[],
  frameUrl: string,
  graphs: readonly ModelGraph[] | null,
  linked: ReadonlySet<string> = new Set(),
  readerLanguages: readonly string[] = [],
): PackOffer[] {
  const offers: PackOffer[] = [];
  for (const { record, source, pack } of usable) {
    const pageMatched = matchPageUrl(pack, frameUrl).matched;
    const isLinked = linked.has(record.key);
    if (!pageMatched && !isLinked) continue;
    const match = graphs ? matchModels(pack, graphs) : null;
    const scores = match?.bindings.map((b) => b.score) ?? [];
    offers.push({
      key: record.key,
      provenance: provenanceOf(record, source),
      enabled: record.enabled,
      pageMatched,
      linked: isLinked,
      match,
      score: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 0,
      steps: pack.steps?.length ?? 0,
      ...(pack.language ? { language: pack.language } : {}),
    });
  }
  return offers.sort(
    (a, b) =>
      Number(b.linked) - Number(a.linked) ||
      languageRank(b.language, readerLanguages) - languageRank(a.language, readerLanguages) ||
      b.score - a.score ||
      a.provenance.title.localeCompare(b.provenance.title) ||
      a.key.localeCompare(b.key),
  );
}

/** The pack to show: the reader's choice if offered and on; else a linked pack; else the best complete match. */
export function chooseActive(offers: readonly PackOffer[], chosen: string | null): string | null {
  const on = offers.filter((o) => o.enabled);
  if (chosen !== null && on.some((o) => o.key === chosen)) return chosen;
  const linked = on.find((o) => o.linked);
  if (linked) return linked.key;
  const complete = on.filter((o) => o.match?.complete);
  return complete[0]?.key ?? null;
}
