// Where the explanation on this page comes from, always in view when a pack is active: its title, authors,
// source (site, shipped, imported, link), version and license, who signed it (or that nobody did, or that the
// signature is broken, or that the signer changed); and the switch for the notes on the page.

import { t, tn } from '../../../extension/ui/i18n';
import type { Provenance } from '../../../protocol/packs';
import { signatureLine } from '../../../extension/ui/signature-line';
import { sourceName } from '../../../extension/ui/source-name';
import { packLanguage } from './pack-language';
import type { PackSession } from './use-pack-session';

const SAFE_URL = /^https?:\/\/[^\s]+$/i;

function sourceText(p: Provenance): string {
  if (p.origin) return t('packFromOrigin', p.origin.replace(/^https?:\/\//, ''));
  const name = p.sourceLabel ? sourceName(p.sourceKind, p.sourceLabel) : '';
  return name ? t('packFromOrigin', `${name.charAt(0).toLowerCase()}${name.slice(1)}`) : '';
}

function SignatureLine({ provenance }: { provenance: Provenance }) {
  const warn = provenance.signature?.state === 'invalid' || !!provenance.signerChange;
  const text = signatureLine(provenance.signature, provenance.signerChange);
  return warn ? (
    <p class="pack-meta" role="alert" data-testid="pack-signature" data-signature="warning">
      <strong>{text}</strong>
    </p>
  ) : (
    <p
      class="pack-meta muted"
      data-testid="pack-signature"
      data-signature={provenance.signature?.state ?? 'unknown'}
    >
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </p>
  );
}

export function PackHeader({
  session,
  notesShown,
  onNotesShown,
  pageNotes,
}: {
  session: PackSession;
  notesShown: boolean;
  onNotesShown(shown: boolean): void;
  pageNotes: number;
}) {
  const { provenance, pack } = session.active;
  const authors = provenance.authors.length > 0 ? provenance.authors : pack.authors;
  const language = packLanguage(pack);
  return (
    <section class="pack-head" aria-labelledby="lt-pack-title">
      <p class="pack-kicker">{t('packKicker')}</p>
      <h3 id="lt-pack-title" class="pack-title" {...language}>
        {provenance.title || pack.title}
      </h3>
      <p class="pack-by muted">
        {authors.length > 0 && (
          <>
            {t('packBy')}{' '}
            {authors.map((a, i) => (
              <span key={i}>
                {i > 0 && (i === authors.length - 1 ? t('packAnd') : ', ')}
                {a.url && SAFE_URL.test(a.url) ? (
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    <bdi>{a.name}</bdi>
                  </a>
                ) : (
                  <bdi>{a.name}</bdi>
                )}
              </span>
            ))}{' '}
          </>
        )}
        <span class="pack-source" data-testid="pack-source">
          {sourceText(provenance)}
        </span>
      </p>
      <p class="pack-meta muted">
        {t('packVersionLicense', provenance.version || pack.version, provenance.license || pack.license)}
      </p>
      <SignatureLine provenance={provenance} />
      {pack.description && (
        <p class="pack-description" {...language}>
          {pack.description}
        </p>
      )}
      {pageNotes > 0 && (
        <label class="toggle pack-toggle">
          <input
            type="checkbox"
            checked={notesShown}
            onChange={(e) => onNotesShown((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{tn('packShowNotes', pageNotes)}</span>
        </label>
      )}
    </section>
  );
}
