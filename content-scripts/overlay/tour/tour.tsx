// The pack's guided tour in the panel: start it, then one step at a time with its progress, previous and next
// (buttons, or ← and → while the tour has focus), and a link that opens the page at this very step.

import { t, tn } from '../../../extension/ui/i18n';
import { useRef, useState } from 'preact/hooks';
import type { Step } from '../../../annotations/format/types';
import type { ShareLinkResult } from '../../../protocol/packs-messages';
import { Icon } from '../host/icons';
import { usePackUi } from '../pack/pack-context';
import { packLanguage } from '../pack/pack-language';
import { RichHtml } from '../pack/rich-html';
import { StepExplorables } from '../explorables/step-explorables';
import { progressText } from './tour-focus';
import { onTrusted } from '../state/trusted';

export interface TourProps {
  steps: readonly Step[];
  /** The step shown (0-based), or null before the tour starts. */
  step: number | null;
  onStep(step: number | null): void;
  shareLink(step: number): Promise<ShareLinkResult>;
}

type Share =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; link: string; copied: boolean }
  | {
      state: 'failed';
      reason: string;
    };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function Tour({ steps, step, onStep, shareLink }: TourProps) {
  const ui = usePackUi();
  const [share, setShare] = useState<Share>({ state: 'idle' });
  const region = useRef<HTMLElement>(null);
  if (!ui || steps.length === 0) return null;
  const count = steps.length;

  if (step === null) {
    return (
      <section class="tour tour-start" aria-labelledby="lt-tour-title">
        <div>
          <h3 id="lt-tour-title">{t('tourHeading')}</h3>
          <p class="muted">{tn('tourSteps', count)}</p>
        </div>
        <button type="button" class="primary" onClick={() => onStep(0)}>
          {t('tourStart')}
        </button>
      </section>
    );
  }

  const current = steps[step]!;
  const go = (next: number) => {
    if (next < 0 || next >= count || next === step) return;
    setShare({ state: 'idle' });
    onStep(next);
  };
  const copy = async () => {
    setShare({ state: 'busy' });
    const result = await shareLink(step).catch((e: unknown): ShareLinkResult => ({
      ok: false,
      reason: e instanceof Error ? e.message : String(e),
    }));
    if (!result.ok) return setShare({ state: 'failed', reason: result.reason });
    const copied = await navigator.clipboard?.writeText(result.link).then(
      () => true,
      () => false,
    );
    setShare({ state: 'done', link: result.link, copied: copied === true });
  };

  return (
    // The tour is a focusable region so that ← and → step through it while it has focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      ref={region}
      class="tour"
      aria-labelledby="lt-tour-title"
      aria-roledescription={t('tourRole')}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      onKeyDown={(e) => {
        if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'ArrowRight') go(step + 1);
        else if (e.key === 'ArrowLeft') go(step - 1);
        else return;
        e.preventDefault();
      }}
    >
      <header class="tour-head">
        <span class="tour-kicker">{t('tourKicker')}</span>
        <span class="tour-progress-text" aria-live="polite">
          {progressText(step, count)}
        </span>
        <button
          type="button"
          class="icon-button small"
          aria-label={t('tourEnd')}
          title={t('tourEnd')}
          onClick={() => onStep(null)}
        >
          <Icon name="close" />
        </button>
      </header>
      <div class="tour-progress" aria-hidden="true">
        <span style={{ width: `${((step + 1) / count) * 100}%` }} />
      </div>
      <h3 id="lt-tour-title" class="tour-title" {...packLanguage(ui.session.active.pack)}>
        {current.title}
      </h3>
      {current.body && <RichHtml html={ui.session.markdown(current.body)} class="tour-body prose" />}
      <StepExplorables highlights={current.highlights ?? []} stepId={current.id} />
      <div class="tour-nav">
        <button type="button" class="secondary" disabled={step === 0} onClick={() => go(step - 1)}>
          <Icon name="back" /> {t('tourPrevious')}
        </button>
        {step < count - 1 ? (
          <button type="button" class="primary" onClick={() => go(step + 1)}>
            {t('tourNext')} <Icon name="chevron" />
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => onStep(null)}>
            {t('tourFinish')}
          </button>
        )}
      </div>
      <div class="tour-share">
        <button
          type="button"
          class="link"
          disabled={share.state === 'busy'}
          onClick={onTrusted(() => void copy())}
        >
          {t('tourCopyLink')}
        </button>
        <span class="muted" role="status">
          {share.state === 'done'
            ? share.copied
              ? t('tourCopied')
              : t('tourCopyBelow')
            : share.state === 'failed'
              ? share.reason
              : ''}
        </span>
        {share.state === 'done' && (
          <input
            class="share-link mono"
            readOnly
            value={share.link}
            aria-label={t('tourLinkLabel')}
            onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
          />
        )}
      </div>
    </section>
  );
}
