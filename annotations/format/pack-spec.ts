// The pack format, version 1, written once in the schema DSL: the validator runs it and pack.schema.json is
// generated from it (cli/tools/write-schema.ts), so the two agree by construction.
// The pieces live beside it (spec-*.ts); this file composes them into the annotation and the pack.
import { LIMITS } from './limits';
import { arr, bool, custom, def, oneOf, str } from './schema-dsl';
import { obj } from './schema-object';
import { ControlBodySpec, PredictBodySpec } from './spec-explorables';
import { EquationBodySpec, ExampleBodySpec, TextualBodySpec, ViewBodySpec } from './spec-bodies';
import { CheckBodySpec } from './spec-checks';
import { alias, count, fingerprint, labels, localId, markdown, name, shape, urlPattern } from './spec-fields';
import { TargetSpec } from './spec-selectors';
import { KINDS, MOTIVATIONS, PATTERNS } from './spec-terms';
import { LITERATE_CONTEXT, W3C_ANNO_CONTEXT } from './types';

export {
  BEHAVIOURAL_CHECKS,
  CONTROL_PARAMS,
  CONTROL_TYPES,
  KINDS,
  MOTIVATIONS,
  PATTERNS,
  STRUCTURAL_CHECKS,
  VIEW_TYPES,
} from './spec-terms';
export { DIAGRAM_NODES_MAX, DiagramSelectorSpec, ModelSelectorSpec } from './spec-selectors';

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
