// fast-check generators of *valid* packs, for property tests (round trips through JSON, Markdown and W3C).
import fc from 'fast-check';
import type {
  Annotation,
  CheckBody,
  ExampleBody,
  ModelSelector,
  ModelTarget,
  Pack,
  PageSelector,
  Step,
  SymbolBinding,
  Target,
  ViewBody,
} from '../types';
import { LITERATE_CONTEXT, W3C_ANNO_CONTEXT } from '../types';

export interface ArbitraryPackOptions {
  /** Prose for Markdown fields (default: trimmed one-line or multi-line text without {{ or :::). */
  text?: fc.Arbitrary<string>;
  /** Short strings: titles, names, labels, quotes. */
  short?: fc.Arbitrary<string>;
}

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
export const arbLocalId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,9}$/);
const arbHex = fc.stringMatching(/^[0-9a-f]{64}$/);

export const arbProse: fc.Arbitrary<string> = fc
  .array(
    fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ')),
    { minLength: 1, maxLength: 4 },
  )
  .map((lines) => lines.join('\n'));

export const arbShortText: fc.Arbitrary<string> = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0 && !s.includes('{{'));

function arbPageSelector(short: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<PageSelector> {
  const css = fc
    .constantFrom('#canvas', '.demo > p', 'main h2', '#predict-button')
    .map((value) => ({ type: 'CssSelector' as const, value }));
  const quote = fc.record(
    { type: fc.constant('TextQuoteSelector' as const), exact: short, prefix: short, suffix: short },
    { requiredKeys: ['type', 'exact'] },
  );
  const position = fc
    .tuple(fc.nat(5000), fc.nat(200))
    .map(([start, length]) => ({ type: 'TextPositionSelector' as const, start, end: start + length }));
  const base = fc.oneof(css, quote, position) as fc.Arbitrary<PageSelector>;
  if (depth >= 1) return base;
  return fc
    .tuple(base, fc.option(arbPageSelector(short, depth + 1), { nil: undefined }))
    .map(([selector, refinedBy]) => (refinedBy ? { ...selector, refinedBy } : selector));
}

function arbLocator(): fc.Arbitrary<Partial<ModelSelector>> {
  return fc.oneof(
    fc.constant({}),
    fc.constantFrom('conv1', 'dense_1', 'flatten').map((node) => ({ node })),
    fc.constantFrom('conv*', '/^dense_\\d$/').map((pattern) => ({ pattern })),
    fc
      .tuple(
        fc.constantFrom('Conv2D', 'Dense'),
        fc.option(fc.integer({ min: -2, max: 3 }), { nil: undefined }),
      )
      .map(([op, nth]) => (nth === undefined ? { op } : { op, nth })),
    fc.nat(10).map((index) => ({ index })),
    fc.constantFrom('conv1').map((node) => ({ node, op: 'Conv2D' })),
  );
}

function arbModelSelector(aliases: string[]): fc.Arbitrary<ModelSelector> {
  return fc
    .record(
      {
        locator: arbLocator(),
        role: fc.constantFrom('output', 'kernel', 'bias'),
        channel: fc.nat(7),
        model: fc.constantFrom(...aliases),
      },
      { requiredKeys: ['locator'] },
    )
    .map(({ locator, role, channel, model }) => {
      const selector: ModelSelector = { type: 'ModelNodeSelector', ...locator };
      if (aliases.length > 1 || model !== undefined) selector.model = model ?? aliases[0];
      if (role !== undefined) selector.role = role as ModelSelector['role'];
      if (channel !== undefined) selector.channel = channel;
      return selector;
    });
}

function arbTarget(aliases: string[], short: fc.Arbitrary<string>): fc.Arbitrary<Target | undefined> {
  return fc
    .record(
      {
        selector: fc.array(arbPageSelector(short), { minLength: 1, maxLength: 2 }),
        model: arbModelSelector(aliases),
      },
      { requiredKeys: [] },
    )
    .map((target) => (Object.keys(target).length === 0 ? undefined : target));
}

export function arbPack(options: ArbitraryPackOptions = {}): fc.Arbitrary<Pack> {
  const text = options.text ?? arbProse;
  const short = options.short ?? arbShortText;
  return fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), { minLength: 1, maxLength: 3 })
    .chain((aliases) => {
      const model = (alias: string): fc.Arbitrary<ModelTarget> =>
        fc
          .record(
            {
              fingerprint: arbHex,
              url: fc.constantFrom('https://example.org/models/*/model.json', '*://*/model.json'),
              labels: fc.array(short, { minLength: 1, maxLength: 4 }),
              optional: fc.boolean(),
              structure: fc.record(
                {
                  kind: fc.constantFrom('layers' as const, 'graph' as const),
                  params: fc.nat(100000),
                  nodes: fc.array(
                    fc.record(
                      { name: word, op: fc.constantFrom('Conv2D', 'Dense') },
                      { requiredKeys: ['name'] },
                    ),
                    { minLength: 1, maxLength: 2 },
                  ),
                },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: [] },
          )
          .map((rest) => ({ alias, ...rest }));
      const selector = arbModelSelector(aliases);
      const binding: fc.Arbitrary<SymbolBinding> = fc
        .tuple(
          selector,
          fc.option(fc.constantFrom('mean', 'shape', 'max') as fc.Arbitrary<'mean'>, { nil: undefined }),
        )
        .map(([{ type: _type, ...rest }, stat]) => (stat ? { ...rest, stat } : rest));
      const view: fc.Arbitrary<ViewBody> = fc.oneof(
        fc.record(
          {
            type: fc.constant('View' as const),
            view: fc.constant('feature-maps' as const),
            channels: fc.array(fc.nat(16), { maxLength: 3 }),
          },
          { requiredKeys: ['type', 'view'] },
        ),
        fc.record(
          {
            type: fc.constant('View' as const),
            view: fc.constant('top-k' as const),
            k: fc.integer({ min: 1, max: 10 }),
            caption: text,
          },
          { requiredKeys: ['type', 'view'] },
        ),
        fc.record(
          {
            type: fc.constant('View' as const),
            view: fc.constant('weight-histogram' as const),
            bins: fc.integer({ min: 2, max: 50 }),
          },
          { requiredKeys: ['type', 'view'] },
        ),
        fc.constant({ type: 'View' as const, view: 'activation-bars' as const }),
      );
      const example: fc.Arbitrary<ExampleBody> = fc.record(
        {
          type: fc.constant('Example' as const),
          input: fc.oneof(
            fc.constant({ image: 'https://example.org/seven.png' }),
            fc.constant({ element: '#canvas' }),
            fc
              .array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 4 })
              .map((tensor) => ({ tensor, shape: [tensor.length] })),
          ),
          expected: fc.oneof(
            fc.record({ top1: fc.oneof(short, fc.nat(9)) }),
            fc.record({
              values: fc.array(
                fc.double({ min: -1, max: 1, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
                { minLength: 1, maxLength: 3 },
              ),
              tolerance: fc.constant(0.01),
            }),
          ),
          caption: text,
        },
        { requiredKeys: ['type', 'input'] },
      );
      const check: fc.Arbitrary<CheckBody> = fc.oneof(
        fc.record(
          {
            type: fc.constant('Check' as const),
            check: fc.constant('shape' as const),
            expected: fc.array(fc.option(fc.nat(64), { nil: null }), { maxLength: 4 }),
            claim: text,
          },
          { requiredKeys: ['type', 'check', 'expected'] },
        ),
        fc.record({
          type: fc.constant('Check' as const),
          check: fc.constant('params' as const),
          expected: fc.nat(100000),
        }),
        fc.record({
          type: fc.constant('Check' as const),
          check: fc.constant('op' as const),
          expected: fc.constantFrom('Conv2D', 'Dense'),
        }),
        fc.record({
          type: fc.constant('Check' as const),
          check: fc.constant('fingerprint' as const),
          expected: arbHex,
        }),
        fc.record(
          {
            type: fc.constant('Check' as const),
            check: fc.constant('sums-to' as const),
            value: fc.constant(1),
            tolerance: fc.constant(0.001),
          },
          { requiredKeys: ['type', 'check'] },
        ),
        fc.record({
          type: fc.constant('Check' as const),
          check: fc.constant('output-range' as const),
          min: fc.constant(0),
          max: fc.constant(1),
        }),
      );
      const body = fc.oneof(
        text.map((value) => ({
          kind: 'note' as const,
          motivation: 'commenting' as const,
          body: { type: 'TextualBody' as const, format: 'text/markdown' as const, value },
        })),
        fc
          .record(
            {
              tex: fc.constantFrom('y = W x + b', 'y_c = \\sigma(W_c \\ast x)', '\\frac{1}{n}\\sum_i x_i'),
              display: fc.boolean(),
              bindings: fc.dictionary(fc.constantFrom('W', 'b', 'x', 'W_c'), binding, { maxKeys: 2 }),
              caption: text,
            },
            { requiredKeys: ['tex'] },
          )
          .map((b) => ({
            kind: 'equation' as const,
            motivation: 'describing' as const,
            body: { type: 'Equation' as const, ...b },
          })),
        view.map((b) => ({ kind: 'view' as const, motivation: 'describing' as const, body: b })),
        example.map((b) => ({ kind: 'example' as const, motivation: 'assessing' as const, body: b })),
        check.map((b) => ({ kind: 'check' as const, motivation: 'assessing' as const, body: b })),
      );
      const item = fc.record({ content: body, target: arbTarget(aliases, short) });
      return fc.record({
        models: fc.tuple(...aliases.map(model)),
        ids: fc.uniqueArray(arbLocalId, { minLength: 0, maxLength: 6 }),
        stepIds: fc.uniqueArray(arbLocalId, { minLength: 0, maxLength: 3 }),
        items: fc.array(item, { minLength: 6, maxLength: 6 }),
        stepTitles: fc.array(short, { minLength: 3, maxLength: 3 }),
        stepBody: text,
        title: short,
        author: short,
        description: fc.option(text, { nil: undefined }),
      });
    })
    .map(({ models, ids, stepIds, items, stepTitles, stepBody, title, author, description }) => {
      const annotations: Annotation[] = ids.map((id, i) => {
        const { content, target } = items[i] as (typeof items)[number];
        const annotation = { id, type: 'Annotation', ...content } as Annotation;
        if (target) annotation.target = target;
        if (stepIds.length > 0 && i % 2 === 0) annotation.step = stepIds[i % stepIds.length];
        return annotation;
      });
      const steps: Step[] = stepIds.map((id, i) => ({
        id,
        title: stepTitles[i] ?? 'Step',
        ...(i === 0 ? { body: stepBody } : {}),
        highlights: ids.slice(0, i + 1),
      }));
      const pack: Pack = {
        '@context': [W3C_ANNO_CONTEXT, LITERATE_CONTEXT],
        type: 'AnnotationCollection',
        literate: '1',
        id: 'https://example.org/packs/generated',
        title,
        authors: [{ name: author }],
        license: 'CC-BY-4.0',
        version: '1.0.0',
        targets: { pages: ['https://*.example.org/demo/*'], models: [...models] },
        items: annotations,
      };
      if (description !== undefined) pack.description = description;
      if (steps.length > 0) pack.steps = steps;
      return pack;
    });
}
