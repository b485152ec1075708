// Literate Markdown ↔ pack for the explorables: `:::control` (slider, choice, drawing pad), `:::predict` (predict,
// then reveal) and the compare check's attributes. Both directions here; the decompiler checks the round trip.
import type { CompareCheck, ControlAnnotation, PredictAnnotation } from '../format/types';
import type { Typed } from './attribute-fields';

/** In a :::predict block, a line of exactly ??? separates the question from the explanation shown after the reveal. */
export const REVEAL_SEPARATOR = '???';

type Attributes = [string, unknown][];

/** A list attribute: a JSON array when it starts with [, else space-separated words. */
function listOf(value: Typed | undefined): unknown[] | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {}
    return [value];
  }
  return value.split(/\s+/).filter(Boolean);
}

/** The attribute text of a list: space-separated when that reads back the same, else JSON. */
function listText(list: readonly unknown[]): string {
  const plain = list.every((v) => typeof v === 'string' && /^[^\s[\]"']+$/.test(v));
  return plain && list.length > 0 ? list.join(' ') : JSON.stringify(list);
}

/** A compare setting: a number when the text is one, else a choice's option id. */
const setting = (value: Typed | undefined): unknown =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

export function controlBody(a: Record<string, Typed>, content: string): Record<string, unknown> {
  const body: Record<string, unknown> = { type: 'Control', control: a.control, label: a.label };
  if (a.control === 'slider') {
    if (a.example !== undefined) body.example = a.example;
    const param: Record<string, unknown> = { type: a.param };
    if (a.feature !== undefined) param.index = a.feature;
    for (const key of ['axis', 'size', 'at'] as const) if (a[key] !== undefined) param[key] = a[key];
    body.param = param;
    for (const key of ['min', 'max'] as const) if (a[key] !== undefined) body[key] = a[key];
    if (a.increment !== undefined) body.step = a.increment;
    if (a.value !== undefined) body.value = a.value;
  } else if (a.control === 'choice') {
    const options = listOf(a.options);
    if (options) body.options = options;
    if (a.selected !== undefined) body.value = a.selected;
  } else if (a.example !== undefined) body.example = a.example;
  if (content) body.caption = content;
  return body;
}

export function controlAttributes(annotation: ControlAnnotation): {
  attributes: Attributes;
  content: string;
} {
  const body = annotation.body;
  const attributes: Attributes = [
    ['control', body.control],
    ['label', body.label],
  ];
  if (body.control === 'slider') {
    const { type, ...param } = body.param as Record<string, unknown>;
    attributes.push(['example', body.example], ['param', type]);
    if ('index' in param) attributes.push(['feature', param.index]);
    for (const key of ['axis', 'size', 'at']) if (key in param) attributes.push([key, param[key]]);
    attributes.push(['min', body.min], ['max', body.max], ['increment', body.step], ['value', body.value]);
  } else if (body.control === 'choice')
    attributes.push(['options', listText(body.options)], ['selected', body.value]);
  else attributes.push(['example', body.example]);
  return { attributes, content: body.caption ?? '' };
}

export function predictBody(a: Record<string, Typed>, content: string): Record<string, unknown> {
  const lines = content.split('\n');
  const split = lines.findIndex((l) => l.trim() === REVEAL_SEPARATOR);
  const question = (split < 0 ? lines : lines.slice(0, split)).join('\n').trim();
  const explanation =
    split < 0
      ? ''
      : lines
          .slice(split + 1)
          .join('\n')
          .trim();
  const body: Record<string, unknown> = { type: 'Predict' };
  if (a.control !== undefined) body.control = a.control;
  if (a.example !== undefined) body.example = a.example;
  if (a.setting !== undefined) body.setting = setting(a.setting);
  body.question = question;
  const options = listOf(a.options);
  if (options) body.options = options;
  if (explanation) body.explanation = explanation;
  return body;
}

export function predictAttributes(annotation: PredictAnnotation): {
  attributes: Attributes;
  content: string;
} {
  const body = annotation.body;
  const attributes: Attributes = [
    ['control', body.control],
    ['example', body.example],
    ['setting', body.setting],
    ['options', listText(body.options)],
  ];
  const content = body.explanation
    ? `${body.question}\n\n${REVEAL_SEPARATOR}\n\n${body.explanation}`
    : body.question;
  return { attributes, content };
}

/** The compare check's fields from its attributes (output=label or output-index=N). */
export function compareFields(a: Record<string, Typed>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (a.control !== undefined) fields.control = a.control;
  if (a.a !== undefined) fields.a = setting(a.a);
  if (a.b !== undefined) fields.b = setting(a.b);
  if (a['output-index'] !== undefined) fields.output = a['output-index'];
  else if (a.output !== undefined) fields.output = a.output;
  if (a.relation !== undefined) fields.relation = a.relation;
  if (a.margin !== undefined) fields.margin = a.margin;
  return fields;
}

export function compareAttributes(body: CompareCheck): Attributes {
  return [
    ['control', body.control],
    ['a', body.a],
    ['b', body.b],
    [typeof body.output === 'number' ? 'output-index' : 'output', body.output],
    ['relation', body.relation],
    ['margin', body.margin],
  ];
}
