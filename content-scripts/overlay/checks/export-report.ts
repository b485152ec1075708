// "Export report": every example and check run (all of them first, if some have not run), the models' weights hashed
// afresh, the self-contained HTML report made by the report generator with the page's URL, the browser, the time and
// the extension's version (and the run's data embedded for `literate report verify`), saved as a file.

import { loadKatex } from '../math/use-tex';
import type { RenderWindow } from '../../../annotations/render/sanitize';
import type { PageNotesStatus } from '../../../annotations/report/render-report';
import browser from '../../../extension/browser';
import type { ChecksController } from './checks-controller';
import { downloadHtml } from './download';
import { reportFileName } from './report-file';

function extensionVersion(): string {
  try {
    return `literate ${browser.runtime.getManifest().version}`;
  } catch {
    return 'literate';
  }
}

export async function exportReport(
  controller: ChecksController,
  packId: string,
  pageNotes?: PageNotesStatus,
): Promise<void> {
  if (!controller.complete) await controller.runAll();
  else await controller.refreshWeights();
  const { results, error } = controller.snapshot();
  if (!results.merged) throw new Error(error ?? 'nothing has run');
  const run = {
    ...results.merged,
    models: results.merged.models.map((m) => {
      const weights = controller.weights.get(m.alias);
      return weights ? { ...m, weights: { ...weights } } : m;
    }),
  };
  const at = new Date();
  const [{ renderReport }] = await Promise.all([
    import(/* webpackChunkName: "render" */ '../../../annotations/report'),
    loadKatex(),
  ]);
  const html = renderReport(
    controller.pack,
    run,
    {
      pageUrl: location.href,
      generatedAt: at.toISOString(),
      toolVersion: extensionVersion(),
      browser: navigator.userAgent,
      ...(pageNotes ? { pageNotes } : {}),
    },
    { window: window as unknown as RenderWindow },
  );
  downloadHtml(html, reportFileName(packId, at));
}
