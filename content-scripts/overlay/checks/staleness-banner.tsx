// A plain banner when the pack no longer fits the page's model (another fingerprint, other weights than the pack
// pins, failed structure expectations, anchors that no longer resolve): which parts no longer apply, nothing re-bound.

import type { ModelStaleness } from '../../../annotations/checks/types';
import { useChecksUi } from './use-checks';

function ModelLines({ m }: { m: ModelStaleness }) {
  return (
    <li data-stale-model={m.alias}>
      <p>
        <span class="mono">{m.alias}</span>: {m.summary}
      </p>
      <ul>
        {m.fingerprintMatches === false && (
          <li>
            The model's fingerprint is <span class="mono">{short(m.observedFingerprint)}</span>, not{' '}
            <span class="mono">{short(m.expectedFingerprint)}</span>: it changed since the pack was written.
          </li>
        )}
        {m.weightsMatch === false && (
          <li data-stale-weights={m.alias}>
            Same architecture, different weights: the weights digest is{' '}
            <span class="mono">{short(m.observedWeightsDigest)}</span>, not{' '}
            <span class="mono">{short(m.expectedWeightsDigest)}</span>. The model was retrained or changed
            since the pack was written; its explanations and checks may no longer hold.
          </li>
        )}
        {m.structureFailures.map((f, i) => (
          <li key={`s${i}`}>The model {f}.</li>
        ))}
        {m.orphans.map((o) => (
          <li key={o.id} data-stale-item={o.id}>
            {o.kind} <span class="mono">{o.id}</span> no longer applies: {o.reason}
          </li>
        ))}
      </ul>
    </li>
  );
}

function short(s: string | null): string {
  return s ? `${s.slice(0, 12)}…` : 'none';
}

export function StalenessBanner() {
  const checks = useChecksUi();
  const report = checks?.state.staleness;
  if (!report?.stale) return null;
  const stale = report.models.filter((m) => m.stale);
  return (
    <section class="stale-banner" aria-labelledby="lt-stale-title" data-testid="staleness-banner">
      <h4 id="lt-stale-title">This explanation may be out of date</h4>
      <p>
        The model on this page is not quite the one the pack was written for. These parts no longer apply;
        they are not moved to fit, and their checks report what they find:
      </p>
      <ul class="stale-models">
        {stale.map((m) => (
          <ModelLines key={m.alias} m={m} />
        ))}
      </ul>
    </section>
  );
}
