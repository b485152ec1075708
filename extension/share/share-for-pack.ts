// The share link for a pack shown on a page: a URL link when the pack came from the web, else (shipped, imported,
// edited, inline packs) an inline link when the pack is small enough. Used by the popup's background and the overlay.

import { t } from '../ui/i18n';
import type { Pack } from '../../annotations/format/types';
import type { Provenance } from '../../protocol/packs';
import { encodeInlinePack } from './inline-codec';
import { buildShareLink } from './share-link';

export type ShareFor = { ok: true; link: string } | { ok: false; reason: string };

export async function shareLinkForPack(
  pageUrl: string,
  provenance: Pick<Provenance, 'sourceKind' | 'url'>,
  pack: Pack,
  step: number | null = null,
): Promise<ShareFor> {
  const web =
    provenance.sourceKind === 'url' ||
    provenance.sourceKind === 'link' ||
    provenance.sourceKind === 'registry';
  if (web && provenance.url)
    return { ok: true, link: buildShareLink(pageUrl, { url: provenance.url }, step) };
  const encoded = await encodeInlinePack(JSON.stringify(pack));
  return encoded.ok
    ? { ok: true, link: buildShareLink(pageUrl, { inline: encoded.value }, step) }
    : { ok: false, reason: t('shareCannotTravel', encoded.reason) };
}
