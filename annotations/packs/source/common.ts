// Small builders for the shipped packs' TypeScript sources, so each source reads as prose and anchors rather
// than JSON plumbing. Everything here produces plain format-1 objects (annotations/format/types.ts).
import {
  LITERATE_CONTEXT,
  W3C_ANNO_CONTEXT,
  type Annotation,
  type CheckAnnotation,
  type CheckBody,
  type EquationAnnotation,
  type ExampleAnnotation,
  type ExampleBody,
  type ModelSelector,
  type Motivation,
  type NoteAnnotation,
  type Pack,
  type PageSelector,
  type Step,
  type SymbolBinding,
  type Target,
  type ViewAnnotation,
  type ViewBody,
} from '../../format/types';

export const GALLERY_AUTHORS: Pack['authors'] = [{ name: 'The Literate authors' }];
export const GALLERY_LICENSE = 'CC-BY-4.0';
export const CONTEXT: Pack['@context'] = [W3C_ANNO_CONTEXT, LITERATE_CONTEXT];

/** The page patterns of a gallery demo, served locally (demos/server.ts) on any port. */
export const demoPages = (demo: string): string[] => [
  `http://127.0.0.1:*/demos/${demo}/*`,
  `http://localhost:*/demos/${demo}/*`,
];

/** The model URL pattern of a committed gallery model, on whatever host serves the gallery. */
export const modelUrl = (folder: string): string => `*://*/demos/models/${folder}/model.json`;

// ---------------------------------------------------------------- selectors

export const css = (value: string, refinedBy?: PageSelector): PageSelector =>
  refinedBy ? { type: 'CssSelector', value, refinedBy } : { type: 'CssSelector', value };

export const quote = (exact: string, prefix?: string, suffix?: string): PageSelector => ({
  type: 'TextQuoteSelector',
  exact,
  ...(prefix !== undefined ? { prefix } : {}),
  ...(suffix !== undefined ? { suffix } : {}),
});

/** A page element by CSS selector. */
export const onElement = (selector: string): Target => ({ selector: [css(selector)] });

/** A passage of page text: a quote (with context) inside the element a CSS selector finds. */
export const onText = (element: string, exact: string, prefix?: string, suffix?: string): Target => ({
  selector: [css(element, quote(exact, prefix, suffix))],
});

/** A model node (the pack targets one model, so the alias is left out). */
export const node = (id: string, extra: Partial<ModelSelector> = {}): ModelSelector => ({
  type: 'ModelNodeSelector',
  node: id,
  ...extra,
});

export const onNode = (id: string, extra: Partial<ModelSelector> = {}): Target => ({
  model: node(id, extra),
});

/** A binding of an equation symbol to a node's tensor. */
export const bind = (
  id: string,
  role: SymbolBinding['role'],
  stat?: SymbolBinding['stat'],
  format?: string,
) => {
  const binding: SymbolBinding = { node: id };
  if (role && role !== 'output') binding.role = role;
  if (stat) binding.stat = stat;
  if (format) binding.format = format;
  return binding;
};

// ---------------------------------------------------------------- annotations

interface Placement {
  target?: Target;
  step?: string;
  motivation?: Motivation;
}

const placed = <T extends Annotation>(annotation: T, where: Placement): T => {
  if (where.motivation) annotation.motivation = where.motivation;
  if (where.target) annotation.target = where.target;
  if (where.step) annotation.step = where.step;
  return annotation;
};

export function note(id: string, markdown: string, where: Placement = {}): NoteAnnotation {
  return placed(
    {
      id,
      type: 'Annotation',
      motivation: 'commenting',
      kind: 'note',
      body: { type: 'TextualBody', format: 'text/markdown', value: markdown.trim() },
    },
    where,
  );
}

/** An explanation of a model node; `extra` adds a page anchor where the page shows that node's work. */
export function nodeNote(
  id: string,
  nodeId: string,
  markdown: string,
  where: Omit<Placement, 'target'> & { page?: PageSelector[] } = {},
): NoteAnnotation {
  const target: Target = { model: node(nodeId) };
  if (where.page) target.selector = where.page;
  return note(id, markdown, { motivation: 'describing', ...where, target });
}

export function equation(
  id: string,
  tex: string,
  bindings: Record<string, SymbolBinding>,
  caption: string,
  where: Placement = {},
): EquationAnnotation {
  return placed(
    {
      id,
      type: 'Annotation',
      motivation: 'describing',
      kind: 'equation',
      body: { type: 'Equation', tex: tex.trim(), bindings, caption: caption.trim() },
    },
    where,
  );
}

export function view(
  id: string,
  target: ModelSelector,
  body: Omit<ViewBody, 'type'>,
  where: Omit<Placement, 'target'> = {},
): ViewAnnotation {
  const viewBody: ViewBody = { type: 'View', ...body };
  if (viewBody.caption) viewBody.caption = viewBody.caption.trim();
  return placed(
    {
      id,
      type: 'Annotation',
      motivation: 'describing',
      kind: 'view',
      body: viewBody,
      target: { model: target },
    },
    where,
  );
}

export function example(
  id: string,
  input: ExampleBody['input'],
  expected: ExampleBody['expected'],
  caption: string,
  where: Placement = {},
): ExampleAnnotation {
  const body: ExampleBody = { type: 'Example', input, caption: caption.trim() };
  if (expected) body.expected = expected;
  return placed({ id, type: 'Annotation', motivation: 'assessing', kind: 'example', body }, where);
}

export function check(id: string, body: CheckBody, where: Placement = {}): CheckAnnotation {
  if (body.claim) body.claim = body.claim.trim();
  return placed({ id, type: 'Annotation', motivation: 'assessing', kind: 'check', body }, where);
}

export function step(id: string, title: string, body: string, highlights: string[], target?: Target): Step {
  const s: Step = { id, title, body: body.trim(), highlights };
  if (target) s.target = target;
  return s;
}

/**
 * Sets each annotation's `step` to the first step that highlights it, so "where it first appears" always agrees
 * with the tour.
 */
export function assignSteps(items: Annotation[], steps: Step[]): void {
  const first = new Map<string, string>();
  for (const s of steps) for (const id of s.highlights ?? []) if (!first.has(id)) first.set(id, s.id);
  for (const item of items) {
    const stepId = first.get(item.id);
    if (stepId) item.step = stepId;
  }
}
