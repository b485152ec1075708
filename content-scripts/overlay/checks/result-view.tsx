// One example's or check's result, next to its prose: the status in words and colour, what was observed (top-k
// with labels, values of the node it names) beside what was expected, and the reason when it failed or could not
// run. The region is live for an item run on its own (a run of all is announced once, by the summary).

import { t } from '../../../extension/ui/i18n';
import type { CheckOutcome, ExampleResult } from '../../../annotations/checks/types';
import { expectedText, formatValue, topEntryText } from './format';
import { STATUS_TEXT, type ItemResult } from './results';

export function StatusBadge({ status }: { status: keyof typeof STATUS_TEXT }) {
  return (
    <span class="run-badge" data-status={status}>
      {t(STATUS_TEXT[status])}
    </span>
  );
}

function ExampleDetails({ r, labels }: { r: ExampleResult; labels: readonly string[] | null }) {
  const o = r.observed;
  return (
    <dl class="run-facts">
      {o?.top && o.top.length > 0 && (
        <>
          <dt>{t('runOutput')}</dt>
          <dd>
            <ol class="run-top" aria-label={t('runTopClasses')}>
              {o.top.map((e) => (
                <li key={e.index}>{topEntryText(e)}</li>
              ))}
            </ol>
          </dd>
        </>
      )}
      {o && (
        <>
          <dt>{o.nodeId ? t('runValuesOf', o.nodeId) : t('runValues')}</dt>
          <dd class="mono">{t('runShape', formatValue(o.shape), formatValue(o.values))}</dd>
        </>
      )}
      <dt>{t('runExpected')}</dt>
      <dd>{expectedText(r.expected, labels)}</dd>
    </dl>
  );
}

function CheckDetails({ r }: { r: CheckOutcome }) {
  return (
    <dl class="run-facts">
      <dt>{t('runObserved')}</dt>
      <dd class="mono">{formatValue(r.observed)}</dd>
      <dt>{t('runExpected')}</dt>
      <dd class="mono">{formatValue(r.expected)}</dd>
    </dl>
  );
}

export function ResultView({
  result,
  running,
  labels,
  announce,
}: {
  result: ItemResult | undefined;
  running: boolean;
  labels: readonly string[] | null;
  /** Whether a screen reader should hear this result (the reader ran this item on its own). */
  announce: boolean;
}) {
  return (
    <div class="run-result" aria-live={announce ? 'polite' : 'off'} aria-atomic="true">
      {running ? (
        <StatusBadge status="running" />
      ) : result ? (
        <>
          <p class="run-line">
            <StatusBadge status={result.status} /> <span class="run-message">{result.message}</span>
          </p>
          {'check' in result ? <CheckDetails r={result} /> : <ExampleDetails r={result} labels={labels} />}
        </>
      ) : null}
    </div>
  );
}
