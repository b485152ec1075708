// The unsanitized HTML of a pack's explorables (render-annotation.ts sanitizes it): the control's label and a
// placeholder the overlay turns into the slider, choice or drawing pad; the question and its options for predict.
import type { ControlBody, PredictBody } from '../format/types';
import { markdownToHtml } from './markdown';
import { escapeHtml } from './sanitize';

function settingText(body: ControlBody): string {
  switch (body.control) {
    case 'slider':
      return `a slider from ${body.min} to ${body.max}, changing ${body.param.type === 'feature' ? `input ${body.param.index}` : body.param.type} of example ${body.example}`;
    case 'choice':
      return `a choice of ${body.options.length} inputs: ${body.options.join(', ')}`;
    case 'draw':
      return 'a drawing pad';
  }
}

export function controlHtml(id: string, body: ControlBody): string {
  const caption = body.caption ? `<div class="lit-caption">${markdownToHtml(body.caption)}</div>` : '';
  return `<p class="lit-control-label"><strong>${escapeHtml(body.label)}</strong> <span class="lit-control-spec">(${escapeHtml(settingText(body))})</span></p><div class="lit-control" data-lit-control="${escapeHtml(id)}"></div>${caption}`;
}

export function predictHtml(id: string, body: PredictBody): string {
  const options = body.options.map((o) => `<li>${escapeHtml(o)}</li>`).join('');
  return `<div class="lit-question">${markdownToHtml(body.question)}</div><ul class="lit-predict-options">${options}</ul><div class="lit-predict" data-lit-predict="${escapeHtml(id)}"></div>`;
}
