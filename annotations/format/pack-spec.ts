// The pack format, version 1, written once in the schema DSL: the validator runs it and pack.schema.json is
// generated from it (cli/tools/write-schema.ts), so the two agree by construction.
import { LIMITS } from './limits';
import { LIVE_FORMAT_PATTERN, LIVE_STATS, TENSOR_ROLES } from './live-values';
import {
  arr,
  beyondSchema,
  bool,
  custom,
  def,
  either,
  nul,
  num,
  oneOf,
  record,
  str,
  type Spec,
} from './schema-dsl';
import { obj } from './schema-object';
import { LITERATE_CONTEXT, W3C_ANNO_CONTEXT } from './types';
import { URL_PATTERN_SYNTAX } from '../targets/url-glob';
import { isRec } from '../../base/is-record';

export const KINDS = ['note', 'equation', 'view', 'example', 'check', 'control', 'predict'] as const;
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
export const VIEW_TYPES = [
  'feature-maps',
  'activation-bars',
  'top-k',
  'weight-histogram',
  'filters',
] as const;
export const STRUCTURAL_CHECKS = ['shape', 'params', 'op', 'fingerprint'] as const;
export const BEHAVIOURAL_CHECKS = [
  'output-range',
  'sums-to',
  'top1',
  'invariance',
  'monotonic',
  'compare',
] as const;
export const CONTROL_TYPES = ['slider', 'choice', 'draw'] as const;
export const CONTROL_PARAMS = ['feature', 'brightness', 'shift', 'patch'] as const;

export const PATTERNS = {
  localId: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  packId: /^(?:[a-z][a-z0-9+.-]*:\S+|[A-Za-z0-9][A-Za-z0-9._-]*)$/,
  alias: /^[A-Za-z_][A-Za-z0-9_]*$/,
  semver:
    /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/,
  spdx: /^\(?[A-Za-z0-9.+-]+\)?(?: (?:AND|OR|WITH) \(?[A-Za-z0-9.+-]+\)?)*$/,
  fingerprint: /^[0-9a-f]{64}$/,
  ed25519PublicKey: /^[A-Za-z0-9_-]{43}$/,
  ed25519Signature: /^[A-Za-z0-9_-]{86}$/,
  httpUrl: /^https?:\/\/\S+$/,
  language: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/,
  image: /^(?:https:\/\/\S+|data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2})$/,
  symbol: /^\S{1,64}$/,
  urlPattern: URL_PATTERN_SYNTAX,
};

const localId = () =>
  str({
    min: 1,
    max: LIMITS.idLength,
    pattern: PATTERNS.localId,
    patternLabel: 'an id of letters, digits, . _ -',
  });
const alias = () =>
  str({
    min: 1,
    max: LIMITS.aliasLength,
    pattern: PATTERNS.alias,
    patternLabel: 'an alias of letters, digits and _',
  });
const name = () => str({ min: 1, max: LIMITS.nameLength });
const markdown = () =>
  str({ max: LIMITS.markdownLength, description: 'Markdown with $TeX$ and {{live values}}' });
const count = () => num({ integer: true, min: 0 });
const urlPattern = () =>
  str({
    min: 1,
    max: LIMITS.urlPatternLength,
    pattern: PATTERNS.urlPattern,
    patternLabel: `a URL pattern like https://*.example.com/demo/* (at most ${LIMITS.urlPatternStars} *)`,
  });
const fingerprint = () =>
  str({ pattern: PATTERNS.fingerprint, patternLabel: 'a lower-case hex SHA-256 (64 characters)' });
const shape = () =>
  arr(
    either(count(), nul(), (v) => v !== null),
    { max: LIMITS.tensorRank + 2 },
  );

// ------------------------------------------------------------------------------------------------ selectors

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

function checkNodePattern(
  value: unknown,
  path: (string | number)[],
  out: import('./schema-dsl').Issue[],
): void {
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

const modelSelectorFields = (): Record<string, Spec> => ({
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

const modelSelectorRules = {
  atMostOne: [
    ['node', 'pattern', 'index'],
    ['channel', 'unit'],
  ],
  requires: { nth: 'op' },
};

function refineNth(
  value: Record<string, unknown>,
  path: (string | number)[],
  out: import('./schema-dsl').Issue[],
): void {
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

const TargetSpec: Spec = def('Target', () =>
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

// ------------------------------------------------------------------------------------------------ bodies

const TextualBodySpec = def('TextualBody', () =>
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

const EquationBodySpec = def('EquationBody', () =>
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

const labels = () => arr(str({ max: LIMITS.nameLength }), { max: LIMITS.labels });

const ViewBodySpec = def('ViewBody', () =>
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

const ExampleBodySpec = def('ExampleBody', () =>
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

const controlSetting = () =>
  either(num(), str({ min: 1, max: LIMITS.idLength }), (v) => typeof v === 'number');

const examplesList = () => arr(localId(), { max: LIMITS.examplesPerCheck });

const TransformSpec = def('Transform', () =>
  obj({
    label: 'a transform',
    fields: { type: oneOf(['shift', 'brightness', 'flip']) },
    required: ['type'],
    variants: {
      key: 'type',
      cases: {
        shift: { fields: { dx: num({ integer: true }), dy: num({ integer: true }) }, required: ['dx', 'dy'] },
        brightness: { fields: { amount: num({ min: -1, max: 1 }) }, required: ['amount'] },
        flip: { fields: { axis: oneOf(['horizontal', 'vertical']) }, required: ['axis'] },
      },
    },
  }),
);

const CheckBodySpec = def('CheckBody', () =>
  obj({
    label: 'a check body',
    fields: {
      type: oneOf(['Check']),
      check: oneOf([...STRUCTURAL_CHECKS, ...BEHAVIOURAL_CHECKS]),
      claim: markdown(),
    },
    required: ['type', 'check'],
    variants: {
      key: 'check',
      cases: {
        shape: { fields: { expected: shape() }, required: ['expected'] },
        params: { fields: { expected: count() }, required: ['expected'] },
        op: { fields: { expected: name() }, required: ['expected'] },
        fingerprint: { fields: { expected: fingerprint() }, required: ['expected'] },
        'output-range': {
          fields: { min: num(), max: num(), examples: examplesList() },
          required: ['min', 'max'],
        },
        'sums-to': { fields: { value: num(), tolerance: num({ min: 0 }), examples: examplesList() } },
        top1: {
          fields: {
            example: localId(),
            expected: either(str({ min: 1, max: LIMITS.nameLength }), count(), (v) => typeof v === 'string'),
          },
          required: ['example'],
        },
        invariance: {
          fields: { example: localId(), transform: TransformSpec },
          required: ['example', 'transform'],
        },
        compare: {
          fields: {
            control: localId(),
            a: controlSetting(),
            b: controlSetting(),
            output: either(str({ min: 1, max: LIMITS.nameLength }), count(), (v) => typeof v === 'string'),
            relation: oneOf(['less', 'greater']),
            margin: num({ min: 0 }),
          },
          required: ['control', 'a', 'b', 'output', 'relation'],
        },
        monotonic: {
          fields: {
            example: localId(),
            inputIndex: count(),
            from: num(),
            to: num(),
            steps: num({ integer: true, min: 2, max: 256 }),
            outputIndex: count(),
            direction: oneOf(['increasing', 'decreasing']),
          },
          required: ['example', 'inputIndex', 'from', 'to', 'outputIndex', 'direction'],
        },
      },
    },
    refine(value, path, out) {
      if (
        value.check === 'output-range' &&
        typeof value.min === 'number' &&
        typeof value.max === 'number' &&
        value.max < value.min
      )
        out.push({ path: [...path, 'max'], reason: 'max must not be below min' });
    },
  }),
);

// ------------------------------------------------------------------------------------------------ explorables

const ControlParamSpec = def('ControlParam', () =>
  obj({
    label: 'a control parameter',
    description: 'What a slider changes in its example input',
    fields: { type: oneOf(CONTROL_PARAMS) },
    required: ['type'],
    variants: {
      key: 'type',
      cases: {
        feature: { fields: { index: count() }, required: ['index'] },
        brightness: { fields: {} },
        shift: { fields: { axis: oneOf(['x', 'y']) }, required: ['axis'] },
        patch: {
          fields: { axis: oneOf(['x', 'y']), size: num({ integer: true, min: 1, max: 4096 }), at: count() },
          required: ['axis', 'size', 'at'],
        },
      },
    },
  }),
);

const ControlBodySpec = def('ControlBody', () =>
  obj({
    label: 'a control body',
    fields: {
      type: oneOf(['Control']),
      control: oneOf(CONTROL_TYPES),
      label: str({ min: 1, max: LIMITS.titleLength }),
      caption: markdown(),
    },
    required: ['type', 'control', 'label'],
    variants: {
      key: 'control',
      cases: {
        slider: {
          fields: {
            example: localId(),
            param: ControlParamSpec,
            min: num(),
            max: num(),
            step: num({ min: 0 }),
            value: num(),
          },
          required: ['example', 'param', 'min', 'max'],
        },
        choice: {
          fields: { options: arr(localId(), { min: 2, max: LIMITS.options }), value: localId() },
          required: ['options'],
        },
        draw: { fields: { example: localId() } },
      },
    },
    refine(value, path, out) {
      if (value.control !== 'slider') return;
      const { min, max, step, value: start } = value;
      if (typeof min !== 'number' || typeof max !== 'number') return;
      if (max <= min) out.push({ path: [...path, 'max'], reason: 'max must be above min' });
      else if (typeof step === 'number' && (step === 0 || step > max - min))
        out.push({
          path: [...path, 'step'],
          reason: `step must be above 0 and at most max − min (${max - min})`,
        });
      else if (typeof step === 'number' && (max - min) / step > LIMITS.sliderPositions)
        out.push({
          path: [...path, 'step'],
          reason: `a slider may have at most ${LIMITS.sliderPositions} positions; this step gives ${Math.floor((max - min) / step)}`,
        });
      if (typeof start === 'number' && (start < min || start > max))
        out.push({ path: [...path, 'value'], reason: `value must lie in [min, max] = [${min}, ${max}]` });
    },
  }),
);

const PredictBodySpec = def('PredictBody', () =>
  obj({
    label: 'a predict body',
    fields: {
      type: oneOf(['Predict']),
      control: localId(),
      example: localId(),
      setting: controlSetting(),
      question: str({ min: 1, max: LIMITS.markdownLength, description: 'Markdown' }),
      options: arr(str({ min: 1, max: LIMITS.nameLength }), { min: 2, max: LIMITS.options }),
      explanation: markdown(),
    },
    required: ['type', 'question', 'options'],
    atMostOne: [['control', 'example']],
    atLeastOne: [['control', 'example']],
    requires: { setting: 'control' },
  }),
);

// ------------------------------------------------------------------------------------------------ pack

export const AnnotationSpec = def('Annotation', () =>
  obj({
    label: 'an annotation',
    fields: {
      id: localId(),
      type: oneOf(['Annotation']),
      motivation: oneOf(MOTIVATIONS),
      kind: oneOf(KINDS),
      target: TargetSpec,
      step: localId(),
    },
    required: ['id', 'type', 'motivation', 'kind', 'body'],
    variants: {
      key: 'kind',
      cases: {
        note: { fields: { body: TextualBodySpec } },
        equation: { fields: { body: EquationBodySpec } },
        view: { fields: { body: ViewBodySpec } },
        example: { fields: { body: ExampleBodySpec } },
        check: { fields: { body: CheckBodySpec } },
        control: { fields: { body: ControlBodySpec } },
        predict: { fields: { body: PredictBodySpec } },
      },
    },
  }),
);

const NodeConstraintSpec = def('NodeConstraint', () =>
  obj({
    label: 'a node constraint',
    fields: { name: name(), op: name(), outputShape: shape(), params: count() },
    required: ['name'],
  }),
);

const ModelTargetSpec = def('ModelTarget', () =>
  obj({
    label: 'a model target',
    fields: {
      alias: alias(),
      fingerprint: fingerprint(),
      weightsDigest: str({
        pattern: PATTERNS.fingerprint,
        patternLabel: 'a lower-case hex SHA-256 (64 characters)',
        description: 'Weights digest (lwd1) of the exact weight values the pack was written for',
      }),
      url: urlPattern(),
      structure: obj({
        label: 'structure constraints',
        fields: {
          kind: oneOf(['layers', 'graph']),
          params: count(),
          nodeCount: count(),
          nodes: arr(NodeConstraintSpec, { max: LIMITS.nodeConstraints }),
        },
      }),
      labels: labels(),
      vocabulary: arr(str({ min: 1, max: LIMITS.nameLength }), { max: LIMITS.labels }),
      optional: bool(),
    },
    required: ['alias'],
  }),
);

const StepSpec = def('Step', () =>
  obj({
    label: 'a tour step',
    fields: {
      id: localId(),
      title: str({ min: 1, max: LIMITS.titleLength }),
      body: markdown(),
      highlights: arr(localId(), { max: LIMITS.highlights }),
      target: TargetSpec,
    },
    required: ['id', 'title'],
  }),
);

const ContextSpec = custom(
  `an array starting with "${W3C_ANNO_CONTEXT}", "${LITERATE_CONTEXT}"`,
  (value, path, out) => {
    if (!Array.isArray(value) || value[0] !== W3C_ANNO_CONTEXT || value[1] !== LITERATE_CONTEXT)
      out.push({
        path,
        reason: `@context must start with "${W3C_ANNO_CONTEXT}", "${LITERATE_CONTEXT}"`,
        hint: `write "@context": ["${W3C_ANNO_CONTEXT}", "${LITERATE_CONTEXT}"]`,
      });
    else if (value.length > 8 || value.some((v) => typeof v !== 'string' || v.length > LIMITS.urlLength))
      out.push({ path, reason: '@context may hold at most 8 strings' });
  },
  () => ({
    type: 'array',
    prefixItems: [{ const: W3C_ANNO_CONTEXT }, { const: LITERATE_CONTEXT }],
    items: { type: 'string', maxLength: LIMITS.urlLength },
    minItems: 2,
    maxItems: 8,
  }),
);

const SignatureSpec = def('Signature', () =>
  obj({
    label: 'a signature',
    description:
      'Ed25519 signature of the canonical JSON of the pack without this field (FORMAT.md, "Signed packs")',
    fields: {
      algorithm: oneOf(['Ed25519']),
      publicKey: str({
        pattern: PATTERNS.ed25519PublicKey,
        patternLabel: 'a raw Ed25519 public key in base64url (43 characters)',
      }),
      value: str({
        pattern: PATTERNS.ed25519Signature,
        patternLabel: 'an Ed25519 signature in base64url (86 characters)',
      }),
      signer: str({ min: 1, max: LIMITS.titleLength, description: 'Who signed, in the signer’s words' }),
      signedAt: str({ max: 64, description: 'When it was signed (ISO 8601), as the signer states it' }),
    },
    required: ['algorithm', 'publicKey', 'value'],
  }),
);

export const PackSpec = def('Pack', () =>
  obj({
    label: 'a pack object',
    description: 'A Literate annotation pack (format version 1): a W3C AnnotationCollection',
    fields: {
      '@context': ContextSpec,
      type: oneOf(['AnnotationCollection']),
      literate: oneOf(['1'], 'Format version; this reader understands "1"'),
      id: str({
        min: 1,
        max: LIMITS.urlLength,
        pattern: PATTERNS.packId,
        patternLabel: 'a URI or an id of letters, digits, . _ -',
      }),
      title: str({ min: 1, max: LIMITS.titleLength }),
      authors: arr(
        obj({
          label: 'an author',
          fields: {
            name: str({ min: 1, max: LIMITS.titleLength }),
            url: str({ max: LIMITS.urlLength, pattern: PATTERNS.httpUrl, patternLabel: 'an http(s) URL' }),
          },
          required: ['name'],
        }),
        { min: 1, max: LIMITS.authors },
      ),
      license: str({
        min: 1,
        max: 200,
        pattern: PATTERNS.spdx,
        patternLabel: 'an SPDX license id or expression like CC-BY-4.0',
      }),
      version: str({
        min: 1,
        max: 64,
        pattern: PATTERNS.semver,
        patternLabel: 'a semantic version like 1.0.0',
      }),
      description: str({ max: LIMITS.descriptionLength }),
      language: str({ pattern: PATTERNS.language, patternLabel: 'a language tag like en or pt-BR' }),
      targets: obj({
        label: 'the targets object',
        fields: {
          pages: arr(urlPattern(), { min: 1, max: LIMITS.pages }),
          models: arr(ModelTargetSpec, { min: 1, max: LIMITS.models }),
        },
        required: ['pages', 'models'],
      }),
      items: arr(AnnotationSpec, { max: LIMITS.items }),
      steps: arr(StepSpec, { max: LIMITS.steps }),
      signature: SignatureSpec,
    },
    required: [
      '@context',
      'type',
      'literate',
      'id',
      'title',
      'authors',
      'license',
      'version',
      'targets',
      'items',
    ],
  }),
);
