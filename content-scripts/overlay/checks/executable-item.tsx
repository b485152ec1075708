// An example or a check of the pack, wherever it shows (the panel's list, or a margin note beside its page
// anchor): its prose as the renderer made it, a Run button, and its result beside it.

import { t } from '../../../extension/ui/i18n';
import type { Annotation } from '../../../annotations/format/types';
import { usePackUi } from '../pack/pack-context';
import { RichHtml } from '../pack/rich-html';
import { ResultView } from './result-view';
import { useChecksUi } from './use-checks';
import { onTrusted } from '../state/trusted';

export function labelsOf(annotation: Annotation, targets: { alias: string; labels?: string[] }[]) {
  const alias = annotation.target?.model?.model ?? (targets.length === 1 ? targets[0]!.alias : undefined);
  return targets.find((t) => t.alias === alias)?.labels ?? null;
}

export function ExecutableItem({ annotation, bodyClass }: { annotation: Annotation; bodyClass?: string }) {
  const ui = usePackUi();
  const checks = useChecksUi();
  if (!ui) return null;
  const rendered = ui.session.render(annotation);
  const { state, controller } = checks ?? { state: null, controller: null };
  const running = state?.running?.ids.has(annotation.id) === true;
  const labels = labelsOf(annotation, ui.session.active.pack.targets.models);
  return (
    <div class="exec" data-exec-id={annotation.id} data-kind={annotation.kind}>
      <RichHtml html={rendered.html} annotation={annotation} class={bodyClass ?? 'exec-body prose'} />
      <div class="exec-controls">
        <button
          type="button"
          class="secondary exec-run"
          disabled={!controller || state?.running !== null}
          aria-label={t(annotation.kind === 'example' ? 'runExample' : 'runCheck', annotation.id)}
          onClick={onTrusted(() => void controller?.runOne(annotation.id))}
        >
          {t('run')}
        </button>
        <ResultView
          result={state?.results.byId.get(annotation.id)}
          running={running}
          labels={labels}
          announce={state?.announce === annotation.id}
        />
      </div>
    </div>
  );
}
