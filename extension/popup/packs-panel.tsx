// The popup's packs section: the packs that apply to this tab with their switches, which one is shown, orphans,
// the share link's state, "Open the explanation" and "Copy share link".

import { useState } from 'preact/hooks';
import type { ShareLinkResult } from '../../protocol/packs-messages';
import type { LinkStatus, PackOffer, TabPacksView } from '../../protocol/packs';
import { ask, errorText } from '../ui/ask';
import { t, tn } from '../ui/i18n';
import { sourceName } from '../ui/source-name';

function bindingSummary(offer: PackOffer): string {
  if (!offer.match) return t('packsChecking');
  const bound = offer.match.bindings.filter((b) => b.graphId !== null).length;
  const stale = offer.match.bindings.some((b) => b.stale);
  if (offer.match.complete) return stale ? t('packsModelsFoundChanged') : t('packsModelsFound');
  return t('packsSomeModelsFound', bound, offer.match.bindings.length);
}

function LinkNotice({ link, tabId }: { link: LinkStatus; tabId: number }) {
  const [message, setMessage] = useState<string | null>(null);
  const text: Record<LinkStatus['state'], string> = {
    loading: t('linkLoading'),
    asking: t('linkAsking'),
    loaded: t('linkLoaded'),
    declined: t('linkDeclined'),
    failed: t('linkFailed'),
  };
  const review = async () => {
    const result = await ask({ type: 'review-link', tabId }).catch((e: unknown) => ({
      ok: false as const,
      reason: errorText(e),
    }));
    setMessage(result.ok ? t('linkReviewInWindow') : result.reason);
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
          {t('linkReviewAgain')}
        </button>
      )}
      {link.state === 'asking' && (
        <button type="button" onClick={review}>
          {t('linkReviewPack')}
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
      <h2 id="packs-heading">{t('packsHeading')}</h2>
      {view.link && <LinkNotice link={view.link} tabId={tabId} />}
      {view.offers.length === 0 ? (
        <p class="muted">{t('packsNone')}</p>
      ) : (
        <ul class="packs" aria-label={t('packsListLabel')}>
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
                    <span class="pack-title" dir="auto" lang={offer.language}>
                      {offer.provenance.title}
                    </span>
                  </label>
                  {shown ? (
                    <span class="tag">{t('packsShown')}</span>
                  ) : (
                    offer.enabled && (
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() => void choose(offer)}
                        aria-label={t('packsShowNamed', offer.provenance.title)}
                      >
                        {t('packsShow')}
                      </button>
                    )
                  )}
                </div>
                <div class="model-meta">
                  {t(
                    'packsByline',
                    offer.provenance.authors.map((a) => a.name).join(', ') || t('packsUnknownAuthor'),
                    offer.provenance.version,
                    offer.provenance.origin ??
                      sourceName(offer.provenance.sourceKind, offer.provenance.sourceLabel),
                  )}
                </div>
                <div class="model-meta">
                  {bindingSummary(offer)}
                  {offer.steps > 0 ? ` · ${tn('packsSteps', offer.steps)}` : ''}
                  {offer.linked ? ` · ${t('packsOpenedByLink')}` : ''}
                </div>
                {shown &&
                  view.link?.state === 'loaded' &&
                  view.link.packKey === offer.key &&
                  typeof view.link.step === 'number' && (
                    <div class="model-meta" data-testid="link-step">
                      {t('packsOpensAtStep', view.link.step + 1, offer.steps)}
                    </div>
                  )}
                {shown && view.overlay?.packKey === offer.key && view.overlay.orphans > 0 && (
                  <div class="model-meta warn" data-testid="orphans">
                    {tn('packsOrphans', view.overlay.orphans)}
                  </div>
                )}
                {shown && view.overlay?.packKey === offer.key && (view.overlay.hidden ?? 0) > 0 && (
                  <div class="model-meta warn" data-testid="hidden-notes">
                    {tn('packsHidden', view.overlay.hidden ?? 0)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={open}>
          {t('packsOpen')}
        </button>
        <button type="button" class="secondary" onClick={() => void copy()} disabled={!active}>
          {t('packsCopyLink')}
        </button>
      </div>
      {share && !share.ok && (
        <p class="warn" role="alert">
          {share.reason}
        </p>
      )}
      {share?.ok && (
        <p class="share">
          <label for="share-link">{copied ? t('packsCopied') : t('packsShareLink')}</label>
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
