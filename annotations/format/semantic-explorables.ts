// The cross-references of a pack's explorables that a per-value schema cannot check: controls name examples,
// predict questions name a control or example and offer the model's labels, compare checks name a checkable
// control with settings it can take. Written defensively: it runs on invalid packs too.
import type { Issue, Path } from './schema-dsl';
import { didYouMean } from './suggest';
import { isRec } from '../../base/is-record';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (isRec(v) ? v : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The labels of the model an annotation is about (its target's alias, else the pack's only model). */
function labelsFor(root: Json, annotation: Json): string[] | undefined {
  const models = asArray(asObject(root.targets)?.models).map(asObject);
  const alias = asObject(asObject(annotation.target)?.model)?.model;
  const model =
    typeof alias === 'string'
      ? models.find((m) => m?.alias === alias)
      : models.length === 1
        ? models[0]
        : undefined;
  const labels = model?.labels;
  return Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : undefined;
}

export function checkExplorables(
  root: Json,
  items: unknown[],
  exampleIds: ReadonlySet<string>,
  annotationIds: ReadonlyMap<string, Path>,
  out: Issue[],
): void {
  const controls = new Map<string, Json>();
  for (const item of items) {
    const a = asObject(item);
    if (a?.kind === 'control' && typeof a.id === 'string') {
      const body = asObject(a.body);
      if (body) controls.set(a.id, body);
    }
  }
  const exampleRef = (id: unknown, path: Path): void => {
    if (typeof id !== 'string' || exampleIds.has(id)) return;
    const what = annotationIds.has(id) ? 'example (that annotation is not an example)' : 'example';
    out.push({ path, reason: `unknown ${what} '${id}'`, hint: didYouMean(id, exampleIds) });
  };
  const controlRef = (id: unknown, path: Path): Json | undefined => {
    if (typeof id !== 'string') return undefined;
    const control = controls.get(id);
    if (!control) {
      const what = annotationIds.has(id) ? 'control (that annotation is not a control)' : 'control';
      out.push({ path, reason: `unknown ${what} '${id}'`, hint: didYouMean(id, controls.keys()) });
    }
    return control;
  };

  /** A setting a control can take: a number in a slider's range, or one of a choice's options. */
  const checkSetting = (control: Json | undefined, setting: unknown, path: Path): void => {
    if (control?.control === 'slider') {
      const { min, max } = control;
      if (typeof setting !== 'number')
        out.push({ path, reason: `a slider setting is a number, not '${String(setting)}'` });
      else if (typeof min === 'number' && typeof max === 'number' && (setting < min || setting > max))
        out.push({ path, reason: `${setting} is outside the slider's range [${min}, ${max}]` });
    } else if (control?.control === 'choice') {
      const options = asArray(control.options).map(String);
      if (typeof setting !== 'string' || !options.includes(setting))
        out.push({
          path,
          reason: `a choice setting is one of its options (${options.join(', ')})`,
          hint: typeof setting === 'string' ? didYouMean(setting, options) : undefined,
        });
    }
  };

  items.forEach((item, i) => {
    const annotation = asObject(item);
    const body = asObject(annotation?.body);
    if (!annotation || !body) return;
    const path: Path = ['items', i, 'body'];
    if (annotation.kind === 'control') {
      exampleRef(body.example, [...path, 'example']);
      const options = asArray(body.options);
      options.forEach((id, j) => exampleRef(id, [...path, 'options', j]));
      if (typeof body.value === 'string' && body.control === 'choice' && !options.includes(body.value))
        out.push({ path: [...path, 'value'], reason: `'${body.value}' is not one of the options` });
    }
    if (annotation.kind === 'predict') {
      exampleRef(body.example, [...path, 'example']);
      const control = controlRef(body.control, [...path, 'control']);
      if (body.setting !== undefined) checkSetting(control, body.setting, [...path, 'setting']);
      const labels = labelsFor(root, annotation);
      if (!labels)
        out.push({
          path: [...path, 'options'],
          reason: "the reader's guess is compared with the model's top class: the model target needs labels",
          hint: 'add labels: [...] to the model in targets.models',
        });
      else
        asArray(body.options).forEach((option, j) => {
          if (typeof option === 'string' && !labels.includes(option))
            out.push({
              path: [...path, 'options', j],
              reason: `'${option}' is not a label of the model`,
              hint: didYouMean(option, labels),
            });
        });
    }
    if (annotation.kind === 'check' && body.check === 'compare') {
      const control = controlRef(body.control, [...path, 'control']);
      if (control?.control === 'draw')
        out.push({
          path: [...path, 'control'],
          reason: "a drawing pad's settings cannot be named: compare a slider or a choice",
        });
      for (const key of ['a', 'b'] as const) checkSetting(control, body[key], [...path, key]);
      if (typeof body.output === 'string') {
        const labels = labelsFor(root, annotation);
        if (!labels)
          out.push({
            path: [...path, 'output'],
            reason: 'a class named by label needs the model target’s labels',
            hint: 'give the class index instead, or add labels to the model',
          });
        else if (!labels.includes(body.output))
          out.push({
            path: [...path, 'output'],
            reason: `'${body.output}' is not a label of the model`,
            hint: didYouMean(body.output, labels),
          });
      }
    }
  });
}
