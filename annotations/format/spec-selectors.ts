// Where an annotation points: page selectors (W3C), model selectors (a node and its tensors), diagram
// selectors, and the target that holds them; the equation bindings reuse the model-selector fields.
import { LIMITS } from './limits';
import { TENSOR_ROLES } from './live-values';
import { arr, beyondSchema, custom, def, num, oneOf, str, type Issue, type Spec } from './schema-dsl';
import { obj } from './schema-object';
import { alias, count, name, urlPattern } from './spec-fields';
import { PATTERNS } from './spec-terms';
import { isRec } from '../../base/is-record';

const refinedBy = (): Record<string, Spec> => ({ refinedBy: PageSelectorSpec });

const PageSelectorSpec: Spec = def('PageSelector', () =>
  obj({
    label: 'a page selector',
    description: 'W3C selector; refinedBy narrows it further',
    fields: { type: oneOf(['CssSelector', 'TextQuoteSelector', 'TextPositionSelector']) },
    required: ['type'],
    variants: {
      key: 'type',
      cases: {
        CssSelector: {
          fields: { value: str({ min: 1, max: LIMITS.selectorLength }), ...refinedBy() },
          required: ['value'],
        },
        TextQuoteSelector: {
          fields: {
            exact: str({ min: 1, max: LIMITS.selectorLength }),
            prefix: str({ max: LIMITS.contextLength }),
            suffix: str({ max: LIMITS.contextLength }),
            ...refinedBy(),
          },
          required: ['exact'],
        },
        TextPositionSelector: {
          fields: { start: count(), end: count(), ...refinedBy() },
          required: ['start', 'end'],
        },
      },
    },
    refine(value, path, out) {
      if (typeof value.start === 'number' && typeof value.end === 'number' && value.end < value.start)
        out.push({ path: [...path, 'end'], reason: 'end must not be before start' });
    },
  }),
);

/** Nested quantifiers such as (a+)+ can take exponential time; packs may not use them. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{?]/;

function checkNodePattern(value: unknown, path: (string | number)[], out: Issue[]): void {
  if (typeof value !== 'string' || !value.startsWith('/')) return;
  if (value.length < 3 || !value.endsWith('/')) {
    out.push({ path, reason: 'a regex pattern must be written /like this/' });
    return;
  }
  const source = value.slice(1, -1);
  if (NESTED_QUANTIFIER.test(source) || /\\\d/.test(source)) {
    out.push({
      path,
      reason: 'regex too costly: no nested quantifiers or backreferences',
      hint: 'use a glob like conv*',
    });
    return;
  }
  try {
    new RegExp(source);
  } catch (error) {
    out.push({ path, reason: `invalid regex: ${(error as Error).message}` });
  }
}

export const modelSelectorFields = (): Record<string, Spec> => ({
  model: alias(),
  node: name(),
  pattern: custom(
    'a glob or /regex/',
    (value, path, out) => {
      str({ min: 1, max: 200 }).check(value, path, out);
      beyondSchema(out, () => checkNodePattern(value, path, out));
    },
    () => ({ type: 'string', minLength: 1, maxLength: 200 }),
  ),
  op: name(),
  nth: num({ integer: true }),
  index: count(),
  role: oneOf(TENSOR_ROLES),
  channel: count(),
  unit: count(),
});

export const modelSelectorRules = {
  atMostOne: [
    ['node', 'pattern', 'index'],
    ['channel', 'unit'],
  ],
  requires: { nth: 'op' },
};

export function refineNth(value: Record<string, unknown>, path: (string | number)[], out: Issue[]): void {
  if ('nth' in value && ('node' in value || 'pattern' in value || 'index' in value))
    out.push({
      path: [...path, 'nth'],
      at: 'key',
      reason: "'nth' only applies when 'op' alone locates the node",
    });
}

export const ModelSelectorSpec: Spec = def('ModelSelector', () =>
  obj({
    label: 'a model selector',
    description: 'A node (or the whole model) and optionally one of its tensors',
    fields: { type: oneOf(['ModelNodeSelector']), ...modelSelectorFields() },
    required: ['type'],
    ...modelSelectorRules,
    refine: refineNth,
  }),
);

/** At most this many nodes in one diagram selector (a tour step frames a handful, not the model). */
export const DIAGRAM_NODES_MAX = 64;

export const DiagramSelectorSpec: Spec = def('DiagramSelector', () =>
  obj({
    label: 'a diagram selector',
    description:
      'Part of the diagram: one node (its full id), a few nodes, or a group (a name scope or numbered block)',
    fields: {
      type: oneOf(['DiagramSelector']),
      model: alias(),
      node: name(),
      nodes: arr(name(), { min: 1, max: DIAGRAM_NODES_MAX }),
      group: name(),
    },
    required: ['type'],
    atMostOne: [['node', 'nodes', 'group']],
    atLeastOne: [['node', 'nodes', 'group']],
  }),
);

export const TargetSpec: Spec = def('Target', () =>
  obj({
    label: 'a target',
    fields: {
      source: str({
        min: 1,
        max: LIMITS.urlLength,
        pattern: PATTERNS.httpUrl,
        patternLabel: 'an http(s) URL',
      }),
      pages: arr(urlPattern(), { min: 1, max: LIMITS.pages }),
      selector: custom(
        'an array of page selectors',
        (value, path, out) => {
          if (isRec(value)) {
            out.push({
              path,
              reason: 'expected an array of page selectors, found an object',
              hint: 'wrap it in [ ]',
            });
            return;
          }
          arr(PageSelectorSpec, { min: 1, max: LIMITS.selectors }).check(value, path, out);
        },
        (defs) => arr(PageSelectorSpec, { min: 1, max: LIMITS.selectors }).schema(defs),
      ),
      model: ModelSelectorSpec,
      diagram: DiagramSelectorSpec,
    },
  }),
);
