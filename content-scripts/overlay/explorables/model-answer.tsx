// The model's answer for a control's current setting: its top classes with bars, announced politely to screen
// readers, "asking the model…" while a run is under way, and the reason when it could not run.

import type { ControlState } from './explorables-store';

export function ModelAnswer({ state, waiting }: { state: ControlState | undefined; waiting: string }) {
  const top = state?.top.slice(0, 3) ?? [];
  const best = top[0];
  const summary =
    state?.status === 'error'
      ? `The model could not run it: ${state.error ?? 'unknown reason'}`
      : best
        ? `The model says ${best.label ?? `class ${best.index}`} (${(best.score * 100).toFixed(1)} %)`
        : '';
  return (
    <div class="xp-answer" aria-busy={state?.status === 'running'}>
      <p class="xp-status" role="status">
        {summary || (state?.status === 'running' ? 'Asking the model…' : waiting)}
        {state?.status === 'running' && summary ? <span class="muted"> — updating…</span> : null}
      </p>
      {top.length > 0 && (
        <ol class="xp-top" aria-label="Top classes">
          {top.map((entry) => (
            <li key={entry.index}>
              <span class="xp-top-label">{entry.label ?? `class ${entry.index}`}</span>
              <span class="xp-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(0, Math.min(1, entry.score)) * 100}%` }} />
              </span>
              <span class="xp-score mono">{(entry.score * 100).toFixed(1)} %</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
