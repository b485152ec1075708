// "Export report": every example and check run (all of them first, if some have not run), the self-contained HTML
// report made by the report generator with the page's URL, the time and the extension's version, saved as a file.

import { loadKatex } from '../math/use-tex';
import type { RenderWindow } from '../../../annotations/render/sanitize';
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

export async function exportReport(controller: ChecksController, packId: string): Promise<void> {
  if (!controller.complete) await controller.runAll();
  const { results, error } = controller.snapshot();
  if (!results.merged) throw new Error(error ?? 'nothing has run');
  const at = new Date();
  const [{ renderReport }] = await Promise.all([
    import(/* webpackChunkName: "render" */ '../../../annotations/report'),
    loadKatex(),
  ]);
  const html = renderReport(
    controller.pack,
    results.merged,
    { pageUrl: location.href, generatedAt: at.toISOString(), toolVersion: extensionVersion() },
    { window: window as unknown as RenderWindow },
  );
  downloadHtml(html, reportFileName(packId, at));
}
