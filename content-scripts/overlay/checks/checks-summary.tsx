// The pack's claims at a glance, under its provenance: "7 of 8 claims hold · 1 fails", the button that runs every
// example and check (Cancel and a progress bar while they run), and the button that exports the report.

import { t } from '../../../extension/ui/i18n';
import { useState } from 'preact/hooks';
import { claimCounts, examplesLine, summaryLine } from './results';
import { useChecksUi } from './use-checks';
import { onTrusted } from '../state/trusted';

export function ChecksSummary({ onExport }: { onExport(): Promise<void> }) {
  const checks = useChecksUi();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  if (!checks) return null;
  const { controller, state } = checks;
  const total = controller.exampleIds.length + controller.checkIds.length;
  if (total === 0) return null;
  const counts = claimCounts(controller.checkIds, state.results.byId);
  const running = state.running;
  const progress = state.progress;
  return (
    <section class="checks-summary" aria-labelledby="lt-checks-summary">
      <h4 id="lt-checks-summary" class="checks-kicker">
        {t('checksKicker')}
      </h4>
      <p class="checks-line" role="status" aria-live="polite" data-testid="checks-summary">
        {summaryLine(counts)}
        {controller.exampleIds.length > 0 && (
          <span class="muted"> · {examplesLine(controller.exampleIds, state.results.byId)}</span>
        )}
      </p>
      {running && progress && (
        <p class="checks-progress">
          <label for="lt-checks-progress">
            {t(running.all ? 'checksRunningAll' : 'checksRunning', progress.done, progress.total)}
          </label>
          <progress id="lt-checks-progress" max={Math.max(1, progress.total)} value={progress.done} />
        </p>
      )}
      {state.error && (
        <p class="checks-error" role="alert">
          {t('checksCouldNotRunAll', state.error)}
        </p>
      )}
      <p class="checks-actions">
        {running ? (
          <button type="button" class="secondary" onClick={() => controller.cancel()}>
            {t('checksCancel')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={onTrusted(() => void controller.runAll())}>
            {t('checksRunAll')}
          </button>
        )}
        <button
          type="button"
          class="secondary"
          disabled={exporting || running !== null}
          onClick={onTrusted(() => {
            setExporting(true);
            setExportError(null);
            onExport()
              .catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)))
              .finally(() => setExporting(false));
          })}
        >
          {exporting ? t('checksPreparing') : t('checksExport')}
        </button>
      </p>
      {exportError && (
        <p class="checks-error" role="alert">
          {t('checksReportFailed', exportError)}
        </p>
      )}
    </section>
  );
}
