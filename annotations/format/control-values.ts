// Live values of a pack's controls in prose, `{{@brightness.value}}`, `{{@patch.top1}}`, `{{@patch.output.3 | .1%}}`:
// the grammar's parser, shared by the validator, the renderer (placeholders) and the overlay (filling them in).
import { LIVE_FORMAT_PATTERN } from './live-values';

export const CONTROL_STATS = ['value', 'top1', 'score', 'output'] as const;
export type ControlStat = (typeof CONTROL_STATS)[number];

export interface ControlValueRef {
  /** The control annotation's id. */
  control: string;
  /** value: the control's setting; top1: the model's top class; score: its score; output: one output value. */
  stat: ControlStat;
  /** With 'output': the flat index into the first row. */
  index?: number;
  format?: string;
}

export type ControlValueParse = { ok: true; ref: ControlValueRef } | { ok: false; error: string };

const REF = /^@([A-Za-z0-9][A-Za-z0-9_-]*)\.(value|top1|score|output\.(\d{1,6}))$/;

/** A `{{…}}` expression is about a control when it starts with @. */
export const isControlExpression = (expression: string): boolean => expression.trimStart().startsWith('@');

/** Parses the inside of `{{@control.stat | format}}`. */
export function parseControlValue(expression: string): ControlValueParse {
  const [refText = '', ...formatParts] = expression.split('|');
  if (formatParts.length > 1) return { ok: false, error: 'only one | format is allowed' };
  const format = formatParts[0]?.trim();
  if (format !== undefined && !LIVE_FORMAT_PATTERN.test(format))
    return { ok: false, error: `unknown format '${format}'; use .3f, .2e, .1%, d or s` };
  const match = REF.exec(refText.trim());
  if (!match)
    return {
      ok: false,
      error: `cannot read '${refText.trim()}'; write @control.value, @control.top1, @control.score or @control.output.N (a control id without dots)`,
    };
  const stat = (match[3] !== undefined ? 'output' : match[2]) as ControlStat;
  const ref: ControlValueRef = { control: match[1] as string, stat };
  if (match[3] !== undefined) ref.index = Number(match[3]);
  if (format) ref.format = format;
  return { ok: true, ref };
}

/** The canonical text of a reference, without its format. */
export function controlValueToString(ref: ControlValueRef): string {
  return `@${ref.control}.${ref.stat}${ref.stat === 'output' ? `.${ref.index ?? 0}` : ''}`;
}
