// The model's answer to the reader's input: the top classes (with the pack's labels) or the values, announced
// politely to screen readers as they change.

import { t, tn } from '../../../extension/ui/i18n';
import type { NodeValues } from '../../../annotations/checks/types';
import { labelOf } from '../views/view-kind';
import { summarizeOutput } from './output-rows';

export interface ExploreOutputsProps {
  outputs: readonly NodeValues[];
  labels: readonly string[] | null;
  k?: number;
  /** Heading text ("Output for your input"). */
  title?: string;
  /** The output is a state (a recurrent layer's): its largest units by size, not classes. */
  units?: boolean;
}

export function ExploreOutputs({
  outputs,
  labels,
  k = 5,
  title = 'Output',
  units = false,
}: ExploreOutputsProps) {
  const first = outputs[0];
  if (!first) return null;
  const s = summarizeOutput(first.shape, first.values, k, units && !labels);
  return (
    <figure class="ex-outputs" data-testid="ex-outputs">
      <figcaption class="ex-sub">
        {title}
        <span class="muted">
          {' '}
          ·{' '}
          {s.units
            ? t('exLargestOf', s.rows.length, s.count)
            : s.ranked
              ? t('exTopOf', s.rows.length, s.count)
              : tn('exValues', s.count)}
          {outputs.length > 1 ? t('exFirstOf', outputs.length) : ''}
        </span>
      </figcaption>
      <ol class="topk">
        {s.rows.map((r, rank) => (
          <li key={rank} data-index={r.index}>
            <span class="topk-label">
              {s.units
                ? t('exUnitN', r.index)
                : s.ranked || s.count > 1
                  ? labelOf(r.index, labels)
                  : first.nodeId}
            </span>
            <span class="topk-bar" aria-hidden="true">
              <span style={{ width: `${r.bar * 100}%` }} />
            </span>
            <span class="num topk-value">{r.text}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
