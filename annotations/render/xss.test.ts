// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseLiveValue } from '../format/live-values';
import type { Annotation, Step } from '../format/types';
import { renderAnnotation, renderMarkdown, renderStep, type RenderOptions } from './render-annotation';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, SAFE_IMAGE, SAFE_LINK, sanitizeHtml } from './sanitize';
import { XSS_CORPUS } from './xss-corpus';

const options = (): RenderOptions => ({
  window: window as unknown as RenderOptions['window'],
  labels: { m: ['zero', 'one'] },
});

/** Problems with rendered HTML; empty when inert. */
function problems(html: string): string[] {
  const found: string[] = [];
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.localName.toLowerCase();
    if (!ALLOWED_TAGS.includes(tag)) found.push(`element <${tag}>`);
    for (const { name, value } of [...element.attributes]) {
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters inside URL schemes
      const compact = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${name}`);
      if (name === 'style') found.push('style attribute');
      if (!ALLOWED_ATTRIBUTES.includes(name)) found.push(`attribute ${name}`);
      if (/^(?:javascript|vbscript):|^data:text/.test(compact)) found.push(`script URL in ${name}`);
      if (name === 'href' && !SAFE_LINK.test(value)) found.push(`unsafe href ${value}`);
      if (name === 'src' && !SAFE_IMAGE.test(value)) found.push(`unsafe src ${value}`);
      if (
        name === 'class' &&
        value
          .split(/\s+/)
          .some((c) => !/^(?:katex(?:-[a-z]+)*|lit-[a-z0-9-]+|language-[A-Za-z0-9_+-]+)$/.test(c))
      )
        found.push(`class ${value}`);
      if (name === 'data-lit-live' && !parseLiveValue(value).ok) found.push(`live value ${value}`);
    }
    if (
      tag === 'a' &&
      element.hasAttribute('href') &&
      (element.getAttribute('rel') !== 'noopener noreferrer' || element.getAttribute('target') !== '_blank')
    )
      found.push('link without rel/target');
  }
  if (sanitizeHtml(html, options().window) !== html) found.push('not stable under re-sanitizing');
  return found;
}

function annotationsWith(p: string): Annotation[] {
  const base = {
    id: p,
    type: 'Annotation' as const,
    motivation: 'commenting' as const,
    target: { model: { type: 'ModelNodeSelector' as const, model: p, node: p } },
  };
  const binding = { model: p, node: p, pattern: p, op: p, format: p, stat: p } as never;
  const checks: unknown[] = [
    { check: 'shape', expected: [p, 1, null] },
    { check: 'params', expected: p },
    { check: 'op', expected: p },
    { check: 'fingerprint', expected: p },
    { check: 'output-range', min: p, max: p, examples: [p] },
    { check: 'sums-to', value: p, tolerance: p },
    { check: 'top1', example: p, expected: p },
    { check: 'invariance', example: p, transform: { type: 'flip', axis: p } },
    { check: 'invariance', example: p, transform: { type: 'shift', dx: p, dy: p } },
    { check: 'monotonic', example: p, inputIndex: p, from: p, to: p, outputIndex: p, direction: p },
  ];
  return [
    { ...base, kind: 'note', body: { type: 'TextualBody', format: 'text/markdown', value: p } },
    {
      ...base,
      kind: 'equation',
      body: { type: 'Equation', tex: p, caption: p, bindings: { [p]: binding, W: binding } },
    },
    {
      ...base,
      kind: 'equation',
      body: { type: 'Equation', tex: `W + ${p}`, display: false, bindings: { W: binding } },
    },
    ...(['top-k', p] as const).map(
      (view) =>
        ({
          ...base,
          kind: 'view',
          body: { type: 'View', view, caption: p, labels: [p], k: p, channels: [p], bins: p },
        }) as unknown as Annotation,
    ),
    {
      ...base,
      kind: 'example',
      body: {
        type: 'Example',
        input: { image: p },
        expected: { top1: p, values: [p], tolerance: p },
        caption: p,
      },
    } as unknown as Annotation,
    { ...base, kind: 'example', body: { type: 'Example', input: { element: p }, expected: { top1: 1 } } },
    { ...base, kind: 'example', body: { type: 'Example', input: { tensor: [p] as never, shape: [1] } } },
    ...checks.map(
      (c) =>
        ({
          ...base,
          kind: 'check',
          body: { type: 'Check', claim: c === checks[0] ? p : 'claim', ...(c as object) },
        }) as unknown as Annotation,
    ),
  ];
}

describe('XSS corpus', () => {
  it('has at least 100 payloads across every category', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(XSS_CORPUS.map((p) => p.category)).size).toBeGreaterThanOrEqual(10);
  });

  it('the checker itself catches dangerous HTML', () => {
    expect(problems('<img src=x onerror=alert(1)>')).toContain('handler onerror');
    expect(problems('<a href="javascript:alert(1)">x</a>')).toContain('script URL in href');
    expect(problems('<p style="color:red">x</p>')).toContain('style attribute');
    expect(problems('<iframe></iframe>')).toContain('element <iframe>');
    expect(problems('<a href="https://x.example">x</a>')).toContain('link without rel/target');
  });

  it.each(XSS_CORPUS.map((p, i) => [i, p.category, p.payload]))(
    'payload %i (%s) stays inert in every field of every kind',
    (_i, _category, payload) => {
      const outputs = annotationsWith(payload).map(
        (annotation) => renderAnnotation(annotation, options()).html,
      );
      const step: Step = { id: payload, title: payload, body: payload, highlights: [payload] };
      outputs.push(renderStep(step, options()), renderMarkdown(payload, options()));
      const all = outputs.join('\n');
      expect(problems(all), all).toEqual([]);
      expect(all).not.toMatch(/<(?:script|iframe|svg|form|style|object|embed)\b/i);
    },
  );
});
