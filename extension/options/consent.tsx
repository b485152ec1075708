// The consent prompt for a pack from a share link: an extension page the page that holds the link cannot reach.
// Shows where the pack comes from and who wrote it, and the page that asks, and loads it only on the reader's
// click, which counts only once the window has been shown and focused for a moment (no click-timing).

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
    setDone(
      result.ok
        ? accept
          ? 'Loaded. You can close this window.'
          : 'Not loaded. You can close this window.'
        : result.reason,
    );
    if (result.ok) window.close();
  };

  if (view === 'loading') return <p class="muted">Loading…</p>;
  if (view === null)
    return (
      <>
        <h1>Nothing to confirm</h1>
        <p>This request has expired or was already answered. Open the link again to see it.</p>
      </>
    );
  const p = view.provenance;
  return (
    <>
      <h1>Load this explanation?</h1>
      <p data-testid="consent-page">
        The page at{' '}
        <strong data-testid="consent-page-origin">{view.pageOrigin ?? 'an unknown address'}</strong> was
        opened with a link that asks Literate to show an annotation pack. You have not loaded packs from this
        source before.
      </p>
      {view.unfetched ? (
        <>
          <dl class="provenance" data-testid="provenance">
            <dt>From</dt>
            <dd data-testid="consent-origin">
              <strong>{p.origin}</strong>
              <br />
              <code>{p.url}</code>
            </dd>
          </dl>
          <p data-testid="consent-unfetched">
            This pack is on another site than the page, and Literate has not fetched it: it asks you first. If
            you load it, Literate fetches it from the address above (without cookies) and shows it.
          </p>
        </>
      ) : (
        <dl class="provenance" data-testid="provenance">
          <dt>Title</dt>
          <dd data-testid="consent-title">{p.title}</dd>
          <dt>By</dt>
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
          <dt>From</dt>
          <dd data-testid="consent-origin">
            {p.origin ? (
              <>
                <strong>{p.origin}</strong>
                <br />
                <code>{p.url}</code>
              </>
            ) : (
              'inside the link itself (no web address)'
            )}
          </dd>
          <dt>Version · license</dt>
          <dd>
            {p.version} · {p.license}
          </dd>
          <dt>Contents</dt>
          <dd>
            {view.annotations} {view.annotations === 1 ? 'annotation' : 'annotations'}
            {view.steps > 0 ? `, a tour of ${view.steps} steps` : ''}
            {view.step !== null ? ` (opens at step ${view.step + 1})` : ''}
          </dd>
          {view.description && (
            <>
              <dt>Description</dt>
              <dd>{view.description}</dd>
            </>
          )}
        </dl>
      )}
      <p class="muted">
        Packs hold text, math and pointers into the page and its model. They cannot run code, and Literate
        shows where each one came from. Only load packs from people you trust to explain things well.
      </p>
      {view.canTrustOrigin && p.origin && (
        <p>
          <label>
            <input
              type="checkbox"
              checked={trust}
              onChange={(e) => setTrust((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            Also load other packs from {p.origin} without asking
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
            Load this explanation
          </button>
          <button type="button" class="secondary" onClick={() => void answer(false)}>
            Not now
          </button>
        </div>
      )}
      {!done && !armed && (
        <p id="consent-wait" class="muted">
          The load button is available once this window has been in front of you for a moment.
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
              ? `If I say not now, do not ask again about packs from ${p.origin} in this browser session`
              : `If I say not now, do not ask again about packs inside links on ${view.pageOrigin ?? 'this site'} in this browser session`}
          </label>
        </p>
      )}
    </>
  );
}
