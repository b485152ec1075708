// Renders any annotation (and step) to one sanitized HTML string for the overlay: prose, math, placeholders for
// live values, views and check results. Every pack string is escaped or sanitized; nothing from a pack runs.
import { findLiveValues, parseLiveValue, type LiveValueRef } from '../format/live-values';
import type { Annotation, CheckBody, ExampleBody, Step, SymbolBinding } from '../format/types';
import { describeModelSelector } from './describe-selector';
import { markdownToHtml } from './markdown';
import { escapeHtml, fragmentToHtml, sanitizeToFragment, type RenderWindow } from './sanitize';
import { controlHtml, predictHtml } from './explorables';
import { markSymbols, showTexErrors, texToHtml } from './tex';

export { describeModelSelector };

export interface RenderOptions {
  window: RenderWindow;
  /** Class labels per model alias, to show expected top-1 classes given by index. */
  labels?: Record<string, readonly string[]>;
}

export interface RenderedAnnotation {
  id: string;
  kind: Annotation['kind'];
  /** Sanitized HTML, safe for innerHTML (also in a shadow root). */
  html: string;
  /** The live values the HTML has placeholders for (`[data-lit-live]`). */
  liveValues: LiveValueRef[];
  /** Equation symbols found and marked in the math (`[data-lit-symbol]`). */
  symbols: string[];
  /** Problems a reader should see (TeX errors, unreadable live values); the HTML shows them too. */
  errors: string[];
}

const attr = (value: string): string => escapeHtml(value);

function finish(
  html: string,
  options: RenderOptions,
  symbols: readonly string[] = [],
): { html: string; symbols: string[]; errors: string[] } {
  const fragment = sanitizeToFragment(html, options.window);
  const found = symbols.length > 0 ? markSymbols(fragment, symbols) : [];
  showTexErrors(fragment);
  const errors = [...fragment.querySelectorAll('[data-lit-error]')].map(
    (e) => e.getAttribute('data-lit-error') ?? '',
  );
  return { html: fragmentToHtml(fragment, options.window), symbols: found, errors };
}

/** Markdown with $TeX$ and {{live values}} to sanitized HTML. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  return finish(markdownToHtml(markdown), options).html;
}

/** TeX to sanitized MathML HTML, with bound symbols marked. */
export function renderTex(
  tex: string,
  display: boolean,
  options: RenderOptions,
  symbols: readonly string[] = [],
): string {
  return finish(texToHtml(tex, display), options, symbols).html;
}

/** "cnn · conv1 · kernel · channel 3": a model selector in words. */
const caption = (text: string | undefined): string =>
  text ? `<div class="lit-caption">${markdownToHtml(text)}</div>` : '';

function bindingsHtml(bindings: Record<string, SymbolBinding>): string {
  const rows = Object.entries(bindings).map(([symbol, binding]) => {
    const stat = binding.stat ? ` <span class="lit-binding-stat">${escapeHtml(binding.stat)}</span>` : '';
    return `<dt>${texToHtml(symbol, false)}</dt><dd data-lit-binding="${attr(symbol)}">${escapeHtml(describeModelSelector(binding))}${stat}</dd>`;
  });
  return rows.length > 0 ? `<dl class="lit-bindings">${rows.join('')}</dl>` : '';
}

function exampleHtml(body: ExampleBody, labelFor: (v: string | number) => string): string {
  const input = body.input;
  let inputHtml: string;
  if ('image' in input)
    inputHtml = `<img class="lit-example-image" src="${attr(input.image)}" alt="example input">`;
  else if ('tensor' in input) {
    const text = JSON.stringify(input.tensor);
    inputHtml = `<code class="lit-example-tensor">${escapeHtml(text.length > 200 ? `${text.slice(0, 199)}…` : text)}</code>`;
  } else
    inputHtml = `<span class="lit-example-element">the page element <code>${escapeHtml(input.element)}</code></span>`;
  const expected: string[] = [];
  if (body.expected?.top1 !== undefined)
    expected.push(`top-1 class <strong>${escapeHtml(labelFor(body.expected.top1))}</strong>`);
  if (body.expected?.values) {
    const values =
      body.expected.values.slice(0, 16).join(', ') + (body.expected.values.length > 16 ? ', …' : '');
    expected.push(
      `values <code>[${escapeHtml(values)}]</code> ± ${escapeHtml(String(body.expected.tolerance ?? 1e-3))}`,
    );
  }
  const expectedHtml =
    expected.length > 0 ? `<p class="lit-example-expected">Expected: ${expected.join('; ')}</p>` : '';
  return `<div class="lit-example-input">${inputHtml}</div>${expectedHtml}${caption(body.caption)}`;
}

/** The claim of a check in words, e.g. "shape of the target is [null, 26, 26, 8]". */
export function describeCheck(body: CheckBody, labelFor: (v: string | number) => string = String): string {
  switch (body.check) {
    case 'shape':
      return `shape is [${body.expected.map((d) => (d === null ? 'any' : d)).join(', ')}]`;
    case 'params':
      return `has ${body.expected} parameters`;
    case 'op':
      return `op is ${body.expected}`;
    case 'fingerprint':
      return `model fingerprint is ${body.expected.slice(0, 12)}…`;
    case 'output-range':
      return `outputs lie in [${body.min}, ${body.max}]`;
    case 'sums-to':
      return `outputs sum to ${body.value ?? 1} ± ${body.tolerance ?? 1e-3}`;
    case 'top1':
      return `example ${body.example} gives top-1 ${body.expected === undefined ? 'as expected' : labelFor(body.expected)}`;
    case 'invariance': {
      const t = body.transform;
      const what =
        t.type === 'shift'
          ? `a shift by (${t.dx}, ${t.dy}) px`
          : t.type === 'brightness'
            ? `a brightness change of ${t.amount}`
            : `a ${t.axis} flip`;
      return `example ${body.example} keeps its top-1 class under ${what}`;
    }
    case 'monotonic':
      return `output ${body.outputIndex} is ${body.direction} as input ${body.inputIndex} goes from ${body.from} to ${body.to} (example ${body.example})`;
    case 'compare':
      return `${typeof body.output === 'number' ? `output ${labelFor(body.output)}` : body.output} is ${body.relation === 'less' ? 'lower' : 'higher'} with ${body.control} at ${body.a} than at ${body.b}${body.margin ? ` (by more than ${body.margin})` : ''}`;
  }
}

function bodyHtml(
  annotation: Annotation,
  labelFor: (v: string | number) => string,
): { html: string; symbols: string[] } {
  switch (annotation.kind) {
    case 'note':
      return { html: markdownToHtml(annotation.body.value), symbols: [] };
    case 'equation': {
      const body = annotation.body;
      const math = `<div class="lit-equation-math">${texToHtml(body.tex, body.display !== false)}</div>`;
      return {
        html: `${math}${bindingsHtml(body.bindings ?? {})}${caption(body.caption)}`,
        symbols: Object.keys(body.bindings ?? {}),
      };
    }
    case 'view': {
      const { type: _type, caption: text, view, ...options } = annotation.body;
      const placeholder = `<div class="lit-view" data-lit-view="${attr(view)}" data-lit-options="${attr(JSON.stringify(options))}"></div>`;
      return { html: `${placeholder}${caption(text)}`, symbols: [] };
    }
    case 'example':
      return { html: exampleHtml(annotation.body, labelFor), symbols: [] };
    case 'check': {
      const body = annotation.body;
      const claim = body.claim ? `<div class="lit-claim">${markdownToHtml(body.claim)}</div>` : '';
      const spec = `<p class="lit-check-spec">${escapeHtml(describeCheck(body, labelFor))}</p>`;
      const result = `<span class="lit-check-result" data-lit-check="${attr(annotation.id)}" data-lit-check-status="pending">not run yet</span>`;
      return { html: `${claim}${spec}${result}`, symbols: [] };
    }
    case 'control':
      return { html: controlHtml(annotation.id, annotation.body), symbols: [] };
    case 'predict':
      return { html: predictHtml(annotation.id, annotation.body), symbols: [] };
  }
}

/** Every live value referenced by the annotation's Markdown fields, parsed. */
function liveValuesOf(annotation: Annotation): LiveValueRef[] {
  const texts: (string | undefined)[] =
    annotation.kind === 'note'
      ? [annotation.body.value]
      : annotation.kind === 'check'
        ? [annotation.body.claim]
        : annotation.kind === 'view' ||
            annotation.kind === 'example' ||
            annotation.kind === 'equation' ||
            annotation.kind === 'control'
          ? [annotation.body.caption]
          : annotation.kind === 'predict'
            ? [annotation.body.question, annotation.body.explanation]
            : [];
  return texts
    .flatMap((t) => (typeof t === 'string' ? findLiveValues(t) : []))
    .flatMap((o) => (o.parsed.ok ? [o.parsed.ref] : []));
}

/** Renders one annotation of any kind. Never throws for a structurally valid annotation. */
export function renderAnnotation(annotation: Annotation, options: RenderOptions): RenderedAnnotation {
  const alias = annotation.target?.model?.model ?? Object.keys(options.labels ?? {})[0];
  const labels = alias ? options.labels?.[alias] : undefined;
  const labelFor = (v: string | number): string =>
    typeof v === 'number' && labels?.[v] !== undefined ? `${labels[v]} (#${v})` : String(v);
  const body = bodyHtml(annotation, labelFor);
  const html = `<div class="lit-annotation lit-${attr(annotation.kind)}" data-lit-id="${attr(annotation.id)}" data-lit-kind="${attr(annotation.kind)}">${body.html}</div>`;
  const rendered = finish(html, options, body.symbols);
  return {
    id: annotation.id,
    kind: annotation.kind,
    html: rendered.html,
    liveValues: liveValuesOf(annotation),
    symbols: rendered.symbols,
    errors: rendered.errors,
  };
}

/** Renders a tour step's title and body. */
export function renderStep(step: Step, options: RenderOptions): string {
  return finish(
    `<div class="lit-step" data-lit-id="${attr(step.id)}"><h2>${escapeHtml(step.title)}</h2>${step.body ? markdownToHtml(step.body) : ''}</div>`,
    options,
  ).html;
}

export { parseLiveValue };
