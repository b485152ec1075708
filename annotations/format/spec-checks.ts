// The check body: structural claims (shape, params, op, fingerprint) and behavioural ones run on examples
// (output range, sums, top-1, invariance under a transform, monotonic, compare two control settings).
import { LIMITS } from './limits';
import { arr, def, either, num, oneOf, str } from './schema-dsl';
import { obj } from './schema-object';
import { controlSetting, count, fingerprint, localId, markdown, name, shape } from './spec-fields';
import { BEHAVIOURAL_CHECKS, STRUCTURAL_CHECKS } from './spec-terms';

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

export const CheckBodySpec = def('CheckBody', () =>
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
