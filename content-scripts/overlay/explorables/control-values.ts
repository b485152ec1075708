// Fills the `{{@control.stat}}` placeholders of rendered pack prose from the explorables store, and keeps them
// current as the reader moves the control.

import { t } from '../../../extension/ui/i18n';
import { parseControlValue } from '../../../annotations/format/control-values';
import { formatLiveValue } from '../../../annotations/format/live-values';
import type { ControlState, ExplorablesStore } from './explorables-store';

/** The text of one placeholder for a control's state. */
export function controlValueText(
  state: ControlState | undefined,
  stat: 'value' | 'top1' | 'score' | 'output',
  index: number | undefined,
  format: string | undefined,
): string {
  if (!state) return '—';
  if (stat === 'value')
    return state.setting === null ? t('xpYourDrawing') : formatLiveValue(state.setting, format);
  if (state.status !== 'done') return state.status === 'error' ? '—' : '…';
  const top = state.top[0];
  if (stat === 'top1') return top ? (top.label ?? t('classN', top.index)) : '—';
  if (stat === 'score') return top ? formatLiveValue(top.score, format) : '—';
  const value = state.values[index ?? 0];
  return value === undefined ? '—' : formatLiveValue(value, format);
}

/** Binds every `[data-lit-control-value]` under `root`; returns the unbinding function. */
export function bindControlValues(root: Element, store: ExplorablesStore): () => void {
  const spans: { el: Element; control: string; fill(): void }[] = [];
  for (const el of root.querySelectorAll('[data-lit-control-value]')) {
    const format = el.getAttribute('data-lit-format');
    const parsed = parseControlValue(
      `${el.getAttribute('data-lit-control-value') ?? ''}${format ? ` | ${format}` : ''}`,
    );
    if (!parsed.ok) continue;
    const { control, stat, index } = parsed.ref;
    const fill = () => {
      el.textContent = controlValueText(store.control(control), stat, index, parsed.ref.format);
    };
    fill();
    spans.push({ el, control, fill });
  }
  if (spans.length === 0) return () => undefined;
  return store.subscribe((id) => {
    for (const span of spans) if (span.control === id) span.fill();
  });
}
