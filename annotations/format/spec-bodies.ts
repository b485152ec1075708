// The bodies that explain: a Markdown note, an equation with live bindings, a view of a tensor, and an
// example input with its expected output.
import { LIMITS } from './limits';
import { LIVE_FORMAT_PATTERN, LIVE_STATS } from './live-values';
import { arr, bool, custom, def, either, num, oneOf, record, str, type Spec } from './schema-dsl';
import { obj } from './schema-object';
import { count, labels, markdown } from './spec-fields';
import { modelSelectorFields, modelSelectorRules, refineNth } from './spec-selectors';
import { PATTERNS, VIEW_TYPES } from './spec-terms';

export const TextualBodySpec = def('TextualBody', () =>
  obj({
    label: 'a TextualBody',
    fields: {
      type: oneOf(['TextualBody']),
      format: oneOf(['text/markdown']),
      value: str({ min: 1, max: LIMITS.markdownLength }),
      language: str({ pattern: PATTERNS.language, patternLabel: 'a language tag like en or pt-BR' }),
    },
    required: ['type', 'format', 'value'],
  }),
);

const SymbolBindingSpec = def('SymbolBinding', () =>
  obj({
    label: 'a symbol binding',
    fields: {
      type: oneOf(['ModelNodeSelector']),
      ...modelSelectorFields(),
      stat: oneOf(LIVE_STATS),
      format: str({ pattern: LIVE_FORMAT_PATTERN, patternLabel: 'a format: .3f, .2e, .1%, d or s' }),
    },
    ...modelSelectorRules,
    refine: refineNth,
  }),
);

export const EquationBodySpec = def('EquationBody', () =>
  obj({
    label: 'an equation body',
    fields: {
      type: oneOf(['Equation']),
      tex: str({ min: 1, max: LIMITS.texLength }),
      display: bool(),
      bindings: record(PATTERNS.symbol, 'a TeX symbol without spaces', SymbolBindingSpec, {
        max: LIMITS.bindings,
      }),
      caption: markdown(),
    },
    required: ['type', 'tex'],
  }),
);

export const ViewBodySpec = def('ViewBody', () =>
  obj({
    label: 'a view body',
    fields: { type: oneOf(['View']), view: oneOf(VIEW_TYPES), caption: markdown() },
    required: ['type', 'view'],
    variants: {
      key: 'view',
      cases: {
        'feature-maps': { fields: { channels: arr(count(), { max: LIMITS.channels }) } },
        filters: { fields: { channels: arr(count(), { max: LIMITS.channels }) } },
        'activation-bars': { fields: {} },
        'top-k': { fields: { k: num({ integer: true, min: 1, max: 100 }), labels: labels() } },
        'weight-histogram': { fields: { bins: num({ integer: true, min: 2, max: 1000 }) } },
      },
    },
  }),
);

const TensorLiteralSpec: Spec = custom(
  'a number or nested array of numbers',
  (value, path, out) => {
    let elements = 0;
    const walk = (v: unknown, p: (string | number)[], depth: number): number[] | null => {
      if (typeof v === 'number' && Number.isFinite(v)) {
        elements++;
        return [];
      }
      if (!Array.isArray(v) || depth >= LIMITS.tensorRank) {
        out.push({
          path: p,
          reason: Array.isArray(v)
            ? `rank above ${LIMITS.tensorRank}`
            : 'expected a number or an array of numbers',
          ...(Array.isArray(v) ? { beyondSchema: true } : {}),
        });
        return null;
      }
      let inner: number[] | null | undefined;
      for (let i = 0; i < v.length && elements <= LIMITS.tensorElements; i++) {
        const shape = walk(v[i], [...p, i], depth + 1);
        if (shape === null) return null;
        if (inner !== undefined && inner !== null && shape.join() !== inner.join()) {
          out.push({
            path: [...p, i],
            reason: 'ragged tensor: rows must have the same shape',
            beyondSchema: true,
          });
          return null;
        }
        inner = shape;
      }
      return [v.length, ...(inner ?? [])];
    };
    walk(value, path, 0);
    if (elements > LIMITS.tensorElements)
      out.push({ path, reason: `more than ${LIMITS.tensorElements} numbers`, beyondSchema: true });
  },
  (defs) => {
    defs.TensorLiteral = {
      oneOf: [{ type: 'number' }, { type: 'array', items: { $ref: '#/$defs/TensorLiteral' } }],
    };
    return { $ref: '#/$defs/TensorLiteral' };
  },
);

export const ExampleBodySpec = def('ExampleBody', () =>
  obj({
    label: 'an example body',
    fields: {
      type: oneOf(['Example']),
      input: obj({
        label: 'an example input',
        fields: {
          image: str({
            max: LIMITS.dataUrlLength,
            pattern: PATTERNS.image,
            patternLabel: 'an https URL or a data:image/(png|jpeg|gif|webp);base64 URL',
          }),
          tensor: TensorLiteralSpec,
          shape: arr(count(), { max: LIMITS.tensorRank }),
          element: str({ min: 1, max: LIMITS.selectorLength }),
          normalize: obj({
            label: 'a normalisation',
            fields: {
              mean: arr(num(), { min: 1, max: 4 }),
              std: arr(num(), { min: 1, max: 4 }),
            },
            required: ['mean', 'std'],
          }),
        },
        atMostOne: [['image', 'tensor', 'element']],
        atLeastOne: [['image', 'tensor', 'element']],
        requires: { shape: 'tensor' },
      }),
      expected: obj({
        label: 'an expected output',
        fields: {
          top1: either(str({ min: 1, max: LIMITS.nameLength }), count(), (v) => typeof v === 'string'),
          values: arr(num(), { max: LIMITS.tensorElements }),
          tolerance: num({ min: 0 }),
        },
        atLeastOne: [['top1', 'values']],
      }),
      caption: markdown(),
    },
    required: ['type', 'input'],
  }),
);
