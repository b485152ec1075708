// The explorables a tour step highlights, shown inside the step in the order it names them (question, control,
// the check the experiment ends with), and the panel's list of every control and question of the pack.

import { tn } from '../../../extension/ui/i18n';
import { useState } from 'preact/hooks';
import type { Annotation } from '../../../annotations/format/types';
import { ExecutableItem } from '../checks/executable-item';
import { usePackUi } from '../pack/pack-context';
import { ControlItem } from './control-item';
import { PredictItem } from './predict-item';

function Explorable({ annotation, where }: { annotation: Annotation; where: string }) {
  if (annotation.kind === 'control') return <ControlItem annotation={annotation} where={where} />;
  if (annotation.kind === 'predict') return <PredictItem annotation={annotation} where={where} />;
  if (annotation.kind === 'check' && annotation.body.check === 'compare')
    return <ExecutableItem annotation={annotation} />;
  return null;
}

const isExplorable = (a: Annotation): boolean =>
  a.kind === 'control' || a.kind === 'predict' || (a.kind === 'check' && a.body.check === 'compare');

/** Inside a tour step: its highlighted controls, questions and compare checks. */
export function StepExplorables({ highlights, stepId }: { highlights: readonly string[]; stepId: string }) {
  const ui = usePackUi();
  if (!ui) return null;
  const items = highlights
    .map((id) => ui.session.active.pack.items.find((a) => a.id === id))
    .filter((a): a is Annotation => a !== undefined && isExplorable(a));
  if (items.length === 0) return null;
  return (
    <div class="xp-step" key={stepId}>
      {items.map((annotation) => (
        <Explorable key={annotation.id} annotation={annotation} where={`tour-${stepId}`} />
      ))}
    </div>
  );
}

/** In the panel: every control and question of the pack (compare checks are listed with the other checks). */
export function ExplorablesSection() {
  const ui = usePackUi();
  // Closed, the section runs nothing: its controls (which ask the model once when they appear) mount on opening.
  const [open, setOpen] = useState(false);
  if (!ui) return null;
  const items = ui.session.active.pack.items.filter((a) => a.kind === 'control' || a.kind === 'predict');
  if (items.length === 0) return null;
  return (
    <details
      class="exec-section xp-section"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{tn('xpExperiments', items.length)}</summary>
      {open &&
        items.map((annotation) => <Explorable key={annotation.id} annotation={annotation} where="panel" />)}
    </details>
  );
}
