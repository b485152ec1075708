// Writes a pack back as literate Markdown. Each block uses the friendly attribute syntax when that reproduces
// the annotation exactly, and a :::json block otherwise, so build(decompile(pack)) always equals the pack.
import type { Annotation, Pack, Step } from '../format/types';
import { attributeText, modelAttributes, targetAttributes } from './attribute-fields';
import { buildBlock, DEFAULT_MOTIVATION } from './build';
import { formatAttribute, splitLiterate } from './directives';
import { compareAttributes, controlAttributes, predictAttributes } from './explorable-blocks';
import { frontMatterText } from './front-matter-fields';
import { isRec } from '../../base/is-record';

type Attributes = [string, unknown][];

function opening(kind: string, id: string, attributes: Attributes): string {
  const parts = [
    `#${id}`,
    ...attributes
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${formatAttribute(attributeText(v))}`),
  ];
  return `:::${kind} {${parts.join(' ')}}`;
}

const block = (head: string, content: string): string =>
  content ? `${head}\n${content}\n:::` : `${head}\n:::`;

function equationContent(annotation: Extract<Annotation, { kind: 'equation' }>): string {
  const body = annotation.body;
  const lines = ['$$', body.tex, '$$'];
  for (const [symbol, binding] of Object.entries(body.bindings ?? {})) {
    const attributes: Attributes = [
      ...modelAttributes(binding),
      ['stat', binding.stat],
      ['format', binding.format],
    ];
    const text = attributes
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${formatAttribute(attributeText(v))}`);
    lines.push(`- $${symbol}$ {${text.join(' ')}}`);
  }
  if (body.caption) lines.push('', body.caption);
  return lines.join('\n');
}

function sugar(annotation: Annotation): string {
  const common: Attributes = [
    [
      'motivation',
      annotation.motivation === DEFAULT_MOTIVATION[annotation.kind] ? undefined : annotation.motivation,
    ],
    ['step', annotation.step],
    ...targetAttributes(annotation.target),
  ];
  switch (annotation.kind) {
    case 'note':
      return block(opening('note', annotation.id, common), annotation.body.value);
    case 'equation':
      return block(
        opening('equation', annotation.id, [...common, ['display', annotation.body.display]]),
        equationContent(annotation),
      );
    case 'view': {
      const b = annotation.body as unknown as Record<string, unknown>;
      const attributes: Attributes = [
        ...common,
        ['view', b.view],
        ['k', b.k],
        ['labels', b.labels],
        ['channels', b.channels],
        ['bins', b.bins],
      ];
      return block(opening('view', annotation.id, attributes), annotation.body.caption ?? '');
    }
    case 'example': {
      const { input, expected, caption } = annotation.body;
      const top1 = expected?.top1;
      const attributes: Attributes = [
        ...common,
        ...(Object.entries(input).flatMap(([key, value]) =>
          key === 'normalize' ? Object.entries(value as object) : [[key, value]],
        ) as Attributes),
        [typeof top1 === 'number' ? 'top1-index' : 'top1', top1],
        ['values', expected?.values],
        ['tolerance', expected?.tolerance],
      ];
      return block(opening('example', annotation.id, attributes), caption ?? '');
    }
    case 'check': {
      if (annotation.body.check === 'compare') {
        const attributes: Attributes = [
          ...common,
          ['check', 'compare'],
          ...compareAttributes(annotation.body),
        ];
        return block(opening('check', annotation.id, attributes), annotation.body.claim ?? '');
      }
      const { type: _type, check, claim, ...rest } = annotation.body as unknown as Record<string, unknown>;
      const attributes: Attributes = [...common, ['check', check]];
      for (const [key, value] of Object.entries(rest)) {
        if (key === 'transform' && typeof value === 'object' && value !== null) {
          const { type, ...fields } = value as Record<string, unknown>;
          attributes.push(['transform', type], ...(Object.entries(fields) as Attributes));
        } else if (key === 'expected' && typeof value === 'number' && check === 'top1')
          attributes.push(['expected-index', value]);
        else attributes.push([key, value]);
      }
      return block(opening('check', annotation.id, attributes), typeof claim === 'string' ? claim : '');
    }
    case 'control': {
      const { attributes, content } = controlAttributes(annotation);
      return block(opening('control', annotation.id, [...common, ...attributes]), content);
    }
    case 'predict': {
      const { attributes, content } = predictAttributes(annotation);
      return block(opening('predict', annotation.id, [...common, ...attributes]), content);
    }
  }
}

function stepSugar(step: Step): string {
  const attributes: Attributes = [
    ['title', step.title],
    ['highlights', step.highlights?.join(' ')],
    ...targetAttributes(step.target),
  ];
  return block(opening('step', step.id, attributes), step.body ?? '');
}

/** Canonical JSON (sorted keys) for comparing values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRec(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function roundTrips(text: string, expected: unknown): boolean {
  const split = splitLiterate(`---\n---\n${text}\n`);
  const directive = split.directives[0];
  if (split.errors.length > 0 || split.directives.length !== 1 || !directive) return false;
  const built = buildBlock(directive);
  return built.errors.length === 0 && canonical(built.value) === canonical(expected);
}

const jsonBlock = (kind: string, value: unknown): string =>
  `:::${kind}\n${JSON.stringify(value, null, 2)}\n:::`;

/** The pack as literate Markdown. */
export function decompilePack(pack: Pack): string {
  const parts = [`---\n${frontMatterText(pack)}\n---`];
  parts.push('<!-- Literate pack source: build it with `literate pack build FILE.md -o pack.json`. -->');
  for (const step of pack.steps ?? []) {
    let text: string | undefined;
    try {
      text = stepSugar(step);
    } catch {}
    parts.push(text !== undefined && roundTrips(text, step) ? text : jsonBlock('step-json', step));
  }
  for (const annotation of pack.items) {
    let text: string | undefined;
    try {
      text = sugar(annotation);
    } catch {}
    parts.push(text !== undefined && roundTrips(text, annotation) ? text : jsonBlock('json', annotation));
  }
  return `${parts.join('\n\n')}\n`;
}
