// The consent prompt for a pack from a share link: an extension page the page that holds the link cannot reach.
// Shows where the pack comes from and who wrote it, and the page that asks, and loads it only on the reader's
// click, which counts only once the window has been shown and focused for a moment (no click-timing).

import { t, tn } from '../ui/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { ConsentView } from '../../protocol/packs-messages';
import { ask, errorText } from '../ui/ask';
import { InputDelay, windowDelayHost } from '../ui/input-delay';

export function Consent({ id }: { id: string }) {
  const [view, setView] = useState<ConsentView | null | 'loading'>('loading');
  const [trust, setTrust] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [armed, setArmed] = useState(false);
  const [wholeOrigin, setWholeOrigin] = useState(true);
  useEffect(() => {
    void ask({ type: 'consent-get', id }).then(setView, () => setView(null));
  }, [id]);
  // The load button is armed once the question has been on screen, focused, for a moment (again after each blur).
  const shown = view !== 'loading' && view !== null;
  useEffect(() => {
    if (!shown) return;
    const delay = new InputDelay(windowDelayHost(), setArmed);
    return () => delay.stop();
  }, [shown]);

  const answer = async (accept: boolean) => {
    if (accept && !armed) return;
    const result = await ask({
      type: 'consent-answer',
      id,
      accept,
      trustOrigin: accept && trust,
      wholeOrigin: !accept && wholeOrigin,
    }).catch((e: unknown) => ({ ok: false as const, reason: errorText(e) }));
    setDone(result.ok ? (accept ? t('consentLoaded') : t('consentNotLoaded')) : result.reason);
    if (result.ok) window.close();
  };

  if (view === 'loading') return <p class="muted">{t('loading')}</p>;
  if (view === null)
    return (
      <>
        <h1>{t('consentNothing')}</h1>
        <p>{t('consentExpired')}</p>
      </>
    );
  const p = view.provenance;
  return (
    <>
      <h1>{t('consentHeading')}</h1>
      <p data-testid="consent-page">
        {t('consentPageBefore')}{' '}
        <strong data-testid="consent-page-origin">{view.pageOrigin ?? t('consentUnknownAddress')}</strong>{' '}
        {t('consentPageAfter')}
      </p>
      {view.unfetched ? (
        <>
          <dl class="provenance" data-testid="provenance">
            <dt>{t('consentFrom')}</dt>
            <dd data-testid="consent-origin">
              <strong>{p.origin}</strong>
              <br />
              <code>{p.url}</code>
            </dd>
          </dl>
          <p data-testid="consent-unfetched">{t('consentUnfetched')}</p>
        </>
      ) : (
        <dl class="provenance" data-testid="provenance">
          <dt>{t('consentTitleField')}</dt>
          <dd data-testid="consent-title" dir="auto">
            {p.title}
          </dd>
          <dt>{t('consentBy')}</dt>
          <dd>
            {p.authors.map((a, i) => (
              <span key={i}>
                {i > 0 ? ', ' : ''}
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noreferrer noopener">
                    {a.name}
                  </a>
                ) : (
                  a.name
                )}
              </span>
            ))}
          </dd>
          <dt>{t('consentFrom')}</dt>
          <dd data-testid="consent-origin">
            {p.origin ? (
              <>
                <strong>{p.origin}</strong>
                <br />
                <code>{p.url}</code>
              </>
            ) : (
              t('consentInsideLink')
            )}
          </dd>
          <dt>{t('consentVersionLicense')}</dt>
          <dd>
            {p.version} · {p.license}
          </dd>
          <dt>{t('consentContents')}</dt>
          <dd>
            {tn('consentAnnotations', view.annotations)}
            {view.steps > 0 ? t('consentTour', view.steps) : ''}
            {view.step !== null ? t('consentOpensAt', view.step + 1) : ''}
          </dd>
          {view.description && (
            <>
              <dt>{t('consentDescription')}</dt>
              <dd dir="auto">{view.description}</dd>
            </>
          )}
        </dl>
      )}
      <p class="muted">{t('consentWarning')}</p>
      {view.canTrustOrigin && p.origin && (
        <p>
          <label>
            <input
              type="checkbox"
              checked={trust}
              onChange={(e) => setTrust((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('consentTrustOrigin', p.origin)}
          </label>
        </p>
      )}
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <div class="actions">
          <button
            type="button"
            disabled={!armed}
            aria-describedby={armed ? undefined : 'consent-wait'}
            onClick={() => void answer(true)}
          >
            {t('consentLoad')}
          </button>
          <button type="button" class="secondary" onClick={() => void answer(false)}>
            {t('consentNotNow')}
          </button>
        </div>
      )}
      {!done && !armed && (
        <p id="consent-wait" class="muted">
          {t('consentWait')}
        </p>
      )}
      {!done && (
        <p>
          <label>
            <input
              type="checkbox"
              data-testid="consent-whole-origin"
              checked={wholeOrigin}
              onChange={(e) => setWholeOrigin((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {p.origin
              ? t('consentDontAskOrigin', p.origin)
              : t('consentDontAskSite', view.pageOrigin ?? t('consentThisSite'))}
          </label>
        </p>
      )}
    </>
  );
}
