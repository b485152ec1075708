// The explorable bodies: a control (slider, choice, drawing) that changes an example's input, and a
// prediction the reader makes before seeing the model's answer.
import { LIMITS } from './limits';
import { arr, def, num, oneOf, str } from './schema-dsl';
import { obj } from './schema-object';
import { controlSetting, count, localId, markdown } from './spec-fields';
import { CONTROL_PARAMS, CONTROL_TYPES } from './spec-terms';

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

export const ControlBodySpec = def('ControlBody', () =>
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

export const PredictBodySpec = def('PredictBody', () =>
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
