// The model's answer for a control's current setting: its top classes with bars, announced politely to screen
// readers, "asking the model…" while a run is under way, and the reason when it could not run.

import { formatNumber, t } from '../../../extension/ui/i18n';
import type { ControlState } from './explorables-store';

function percent(score: number): string {
  return formatNumber(score, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function ModelAnswer({ state, waiting }: { state: ControlState | undefined; waiting: string }) {
  const top = state?.top.slice(0, 3) ?? [];
  const best = top[0];
  const summary =
    state?.status === 'error'
      ? t('xpCouldNotRun', state.error ?? t('xpUnknownReason'))
      : best
        ? t('xpModelSays', best.label ?? t('classN', best.index), percent(best.score))
        : '';
  return (
    <div class="xp-answer" aria-busy={state?.status === 'running'}>
      <p class="xp-status" role="status">
        {summary || (state?.status === 'running' ? t('xpAsking') : waiting)}
        {state?.status === 'running' && summary ? <span class="muted">{t('xpUpdating')}</span> : null}
      </p>
      {top.length > 0 && (
        <ol class="xp-top" aria-label={t('xpTopClasses')}>
          {top.map((entry) => (
            <li key={entry.index}>
              <span class="xp-top-label" dir="auto">
                {entry.label ?? t('classN', entry.index)}
              </span>
              <span class="xp-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(0, Math.min(1, entry.score)) * 100}%` }} />
              </span>
              <span class="xp-score mono">{percent(entry.score)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
