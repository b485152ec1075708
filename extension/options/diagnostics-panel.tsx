// Options: diagnostics — what the hook found on open tabs, sites and trusted origins, recent errors, and notes from
// opening the pack store — so a problem can be reported or fixed.

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
      <h2 id="access-heading">Where Literate runs</h2>
      <p class="muted">
        On the local demo gallery and the official TensorFlow.js demo hosts, always. Elsewhere only on sites
        you enable from the toolbar popup. Matching packs to pages happens in your browser; no address you
        visit is sent anywhere.
      </p>
      {admin.sites.length > 0 && (
        <ul aria-label="Sites you enabled">
          {admin.sites.map((o) => (
            <li key={o}>
              <code>{o}</code>{' '}
              <button type="button" class="secondary small" onClick={() => void turnOff(o)}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
      {admin.trust.origins.length > 0 && (
        <>
          <p>Share links from these sources load without asking:</p>
          <ul aria-label="Trusted pack sources">
            {admin.trust.origins.map((o) => (
              <li key={o}>
                <code>{o}</code>{' '}
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => void ask({ type: 'untrust-origin', origin: o }).then(onChange)}
                >
                  Ask again
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
      <h2 id="diag-heading">Diagnostics</h2>
      <button type="button" class="secondary small" onClick={load}>
        Refresh
      </button>
      {error && <p class="warn">{error}</p>}
      {diag && (
        <>
          <h3>Open tabs with TensorFlow.js</h3>
          {diag.tabs.filter((t) => t.frames.some((f) => f.engines.length > 0)).length === 0 ? (
            <p class="muted">None right now.</p>
          ) : (
            diag.tabs
              .filter((t) => t.frames.some((f) => f.engines.length > 0))
              .map((t) => (
                <div key={t.tabId} class="diag-tab">
                  <p>
                    Tab {t.tabId}: <code>{t.frames[0]?.frameUrl}</code> ·{' '}
                    {[
                      ...new Set(
                        t.frames.flatMap((f) =>
                          f.engines.map(
                            (e) =>
                              `${e.tfjsVersion ?? `tf.js ${e.versionClass}`} ${e.backend ?? ''}${e.late ? ' (late)' : ''}`,
                          ),
                        ),
                      ),
                    ].join(', ')}
                  </p>
                  <ModelList
                    models={t.frames.flatMap((f) => f.models.map((m) => ({ ...m, frameUrl: f.frameUrl })))}
                  />
                </div>
              ))
          )}
          <h3>Recent errors</h3>
          {diag.errors.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul class="errors" aria-label="Recent errors">
              {[...diag.errors].reverse().map((e, i) => (
                <li key={i}>
                  <span class="muted">{new Date(e.at).toLocaleString()}</span> <code>{e.where}</code>{' '}
                  {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {notes.length > 0 && (
        <>
          <h3>Storage repairs</h3>
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
