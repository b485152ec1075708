// The popup's packs section: the packs that apply to this tab with their switches, which one is shown, orphans,
// the share link's state, "Open the explanation" and "Copy share link".

import { useState } from 'preact/hooks';
import type { ShareLinkResult } from '../../protocol/packs-messages';
import type { LinkStatus, PackOffer, TabPacksView } from '../../protocol/packs';
import { ask, errorText } from '../ui/ask';

function bindingSummary(offer: PackOffer): string {
  if (!offer.match) return 'checking the models…';
  const bound = offer.match.bindings.filter((b) => b.graphId !== null).length;
  const stale = offer.match.bindings.some((b) => b.stale);
  if (offer.match.complete)
    return stale ? 'models found (changed since the pack was written)' : 'models found';
  return `${bound} of ${offer.match.bindings.length} models found`;
}

function LinkNotice({ link, tabId }: { link: LinkStatus; tabId: number }) {
  const [message, setMessage] = useState<string | null>(null);
  const text: Record<LinkStatus['state'], string> = {
    loading: 'Loading the pack from the link…',
    asking: 'The link asks Literate to show a pack from a source you have not used before.',
    loaded: 'Opened from a share link.',
    declined: 'The pack from the link was not loaded.',
    failed: 'The share link could not be loaded.',
  };
  const review = async () => {
    const result = await ask({ type: 'review-link', tabId }).catch((e: unknown) => ({
      ok: false as const,
      reason: errorText(e),
    }));
    setMessage(result.ok ? 'Review it in the Literate window.' : result.reason);
  };
  return (
    <div
      class={`notice ${link.state === 'failed' ? 'warn' : ''}`}
      role="status"
      data-testid="link-status"
      data-state={link.state}
    >
      <p>{text[link.state]}</p>
      {link.reason && <p class="reason">{link.reason}</p>}
      {link.state === 'declined' && (
        <button type="button" class="secondary" onClick={review}>
          Review the link again
        </button>
      )}
      {link.state === 'asking' && (
        <button type="button" onClick={review}>
          Review the pack
        </button>
      )}
      {message && <p class="muted">{message}</p>}
    </div>
  );
}

export function PacksPanel({
  view,
  tabId,
  onChange,
}: {
  view: TabPacksView;
  tabId: number;
  onChange: () => void;
}) {
  const [share, setShare] = useState<ShareLinkResult | null>(null);
  const [copied, setCopied] = useState(false);
  const active = view.offers.find((o) => o.key === view.activeKey) ?? null;

  const toggle = async (offer: PackOffer) => {
    await ask({ type: 'set-pack-enabled', packKey: offer.key, enabled: !offer.enabled });
    onChange();
  };
  const choose = async (offer: PackOffer) => {
    await ask({ type: 'choose-pack', tabId, packKey: offer.key });
    onChange();
  };
  const copy = async () => {
    const result = await ask({ type: 'share-link-for-tab', tabId }).catch((e: unknown) => ({
      ok: false as const,
      reason: errorText(e),
    }));
    setShare(result);
    setCopied(false);
    if (result.ok)
      await navigator.clipboard.writeText(result.link).then(
        () => setCopied(true),
        () => setCopied(false),
      );
  };
  const open = () =>
    void ask({ type: 'open-overlay', tabId }).then(
      () => window.close(),
      () => undefined,
    );

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">Explanations</h2>
      {view.link && <LinkNotice link={view.link} tabId={tabId} />}
      {view.offers.length === 0 ? (
        <p class="muted">No annotation pack applies to this page.</p>
      ) : (
        <ul class="packs" aria-label="Packs for this page">
          {view.offers.map((offer) => {
            const id = `pack-${offer.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            const shown = offer.key === view.activeKey;
            return (
              <li key={offer.key} data-key={offer.key} data-active={shown ? 'true' : 'false'}>
                <div class="pack-row">
                  <label class="switch" for={id}>
                    <input
                      id={id}
                      type="checkbox"
                      role="switch"
                      checked={offer.enabled}
                      onChange={() => void toggle(offer)}
                    />
                    <span class="pack-title">{offer.provenance.title}</span>
                  </label>
                  {shown ? (
                    <span class="tag">Shown</span>
                  ) : (
                    offer.enabled && (
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() => void choose(offer)}
                        aria-label={`Show ${offer.provenance.title}`}
                      >
                        Show
                      </button>
                    )
                  )}
                </div>
                <div class="model-meta">
                  by {offer.provenance.authors.map((a) => a.name).join(', ') || 'unknown'} · v
                  {offer.provenance.version} · from {offer.provenance.origin ?? offer.provenance.sourceLabel}
                </div>
                <div class="model-meta">
                  {bindingSummary(offer)}
                  {offer.steps > 0 ? ` · ${offer.steps} steps` : ''}
                  {offer.linked ? ' · opened by a link' : ''}
                </div>
                {shown &&
                  view.link?.state === 'loaded' &&
                  view.link.packKey === offer.key &&
                  typeof view.link.step === 'number' && (
                    <div class="model-meta" data-testid="link-step">
                      Opens at step {view.link.step + 1} of {offer.steps}
                    </div>
                  )}
                {shown && view.overlay?.packKey === offer.key && view.overlay.orphans > 0 && (
                  <div class="model-meta warn" data-testid="orphans">
                    {view.overlay.orphans} {view.overlay.orphans === 1 ? 'note' : 'notes'} could not be placed
                    on this page
                  </div>
                )}
                {shown && view.overlay?.packKey === offer.key && (view.overlay.hidden ?? 0) > 0 && (
                  <div class="model-meta warn" data-testid="hidden-notes">
                    {view.overlay.hidden} {view.overlay.hidden === 1 ? 'note is' : 'notes are'} about parts of
                    the page it does not show (listed in the panel)
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={open}>
          Open the explanation
        </button>
        <button type="button" class="secondary" onClick={() => void copy()} disabled={!active}>
          Copy share link
        </button>
      </div>
      {share && !share.ok && (
        <p class="warn" role="alert">
          {share.reason}
        </p>
      )}
      {share?.ok && (
        <p class="share">
          <label for="share-link">{copied ? 'Copied:' : 'Share link:'}</label>
          <input
            id="share-link"
            readOnly
            value={share.link}
            onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
          />
        </p>
      )}
    </section>
  );
}
