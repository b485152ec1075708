// A plain banner when the pack no longer fits the page's model (another fingerprint, other weights than the pack
// pins, failed structure expectations, anchors that no longer resolve): which parts no longer apply, nothing re-bound.

import { t } from '../../../extension/ui/i18n';
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
          <li>{t('staleFingerprint', short(m.observedFingerprint), short(m.expectedFingerprint))}</li>
        )}
        {m.weightsMatch === false && (
          <li data-stale-weights={m.alias}>
            {t('staleWeights', short(m.observedWeightsDigest), short(m.expectedWeightsDigest))}
          </li>
        )}
        {m.structureFailures.map((f, i) => (
          <li key={`s${i}`}>{t('staleStructure', f)}</li>
        ))}
        {m.orphans.map((o) => (
          <li key={o.id} data-stale-item={o.id}>
            {t('staleItem', o.kind, o.id, o.reason)}
          </li>
        ))}
      </ul>
    </li>
  );
}

function short(s: string | null): string {
  return s ? `${s.slice(0, 12)}…` : t('staleNone');
}

export function StalenessBanner() {
  const checks = useChecksUi();
  const report = checks?.state.staleness;
  if (!report?.stale) return null;
  const stale = report.models.filter((m) => m.stale);
  return (
    <section class="stale-banner" aria-labelledby="lt-stale-title" data-testid="staleness-banner">
      <h4 id="lt-stale-title">{t('staleHeading')}</h4>
      <p>{t('staleIntro')}</p>
      <ul class="stale-models">
        {stale.map((m) => (
          <ModelLines key={m.alias} m={m} />
        ))}
      </ul>
    </section>
  );
}
