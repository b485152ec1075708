// Options: diagnostics — what the hook found on open tabs, sites and trusted origins, recent errors, and notes from
// opening the pack store — so a problem can be reported or fixed.

import { formatDate, t } from '../ui/i18n';
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import type { Diagnostics, PacksAdminView } from '../../protocol/packs-messages';
import { ModelList } from '../popup/model-list';
import { ask, errorText } from '../ui/ask';

export function AccessPanel({ admin, onChange }: { admin: PacksAdminView; onChange: () => void }) {
  const turnOff = async (origin: string) => {
    await browser.permissions.remove({ origins: [origin] }).catch(() => false);
    await ask({ type: 'sync-sites' }).catch(() => undefined);
    onChange();
  };
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">{t('accessHeading')}</h2>
      <p class="muted">{t('accessExplain')}</p>
      {admin.sites.length > 0 && (
        <ul aria-label={t('accessSites')}>
          {admin.sites.map((o) => (
            <li key={o}>
              <code>{o}</code>{' '}
              <button type="button" class="secondary small" onClick={() => void turnOff(o)}>
                {t('accessTurnOff')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {admin.trust.origins.length > 0 && (
        <>
          <p>{t('accessTrustedIntro')}</p>
          <ul aria-label={t('accessTrusted')}>
            {admin.trust.origins.map((o) => (
              <li key={o}>
                <code>{o}</code>{' '}
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => void ask({ type: 'untrust-origin', origin: o }).then(onChange)}
                >
                  {t('accessAskAgain')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function DiagnosticsPanel({ notes }: { notes: string[] }) {
  const [diag, setDiag] = useState<Diagnostics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    void ask({ type: 'get-diagnostics' }).then(setDiag, (e: unknown) => setError(errorText(e)));
  useEffect(load, []);
  return (
    <section aria-labelledby="diag-heading">
      <h2 id="diag-heading">{t('diagHeading')}</h2>
      <button type="button" class="secondary small" onClick={load}>
        {t('diagRefresh')}
      </button>
      {error && <p class="warn">{error}</p>}
      {diag && (
        <>
          <h3>{t('diagTabs')}</h3>
          {diag.tabs.filter((tab) => tab.frames.some((f) => f.engines.length > 0)).length === 0 ? (
            <p class="muted">{t('diagNoneNow')}</p>
          ) : (
            diag.tabs
              .filter((tab) => tab.frames.some((f) => f.engines.length > 0))
              .map((tab) => (
                <div key={tab.tabId} class="diag-tab">
                  <p>
                    {t('diagTab', String(tab.tabId))} <code>{tab.frames[0]?.frameUrl}</code> ·{' '}
                    {[
                      ...new Set(
                        tab.frames.flatMap((f) =>
                          f.engines.map(
                            (e) =>
                              `${e.tfjsVersion ?? `tf.js ${e.versionClass}`} ${e.backend ?? ''}${e.late ? t('diagLate') : ''}`,
                          ),
                        ),
                      ),
                    ].join(', ')}
                  </p>
                  <ModelList
                    models={tab.frames.flatMap((f) => f.models.map((m) => ({ ...m, frameUrl: f.frameUrl })))}
                  />
                </div>
              ))
          )}
          <h3>{t('diagErrors')}</h3>
          {diag.errors.length === 0 ? (
            <p class="muted">{t('diagNone')}</p>
          ) : (
            <ul class="errors" aria-label={t('diagErrors')}>
              {[...diag.errors].reverse().map((e, i) => (
                <li key={i}>
                  <span class="muted">{formatDate(e.at)}</span> <code>{e.where}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {notes.length > 0 && (
        <>
          <h3>{t('diagRepairs')}</h3>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
