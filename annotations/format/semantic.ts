// Checks across a pack that a per-value schema cannot make: unique ids, references to steps, annotations,
// examples and model aliases, and the syntax of {{live values}}. Written defensively: it runs on invalid packs too.
import { isControlExpression, parseControlValue } from './control-values';
import { checkExplorables } from './semantic-explorables';
import { findLiveValues } from './live-values';
import type { Issue, Path } from './schema-dsl';
import { didYouMean } from './suggest';
import { isRec } from '../../base/is-record';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (isRec(v) ? v : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function unknownRef(path: Path, what: string, value: string, known: Iterable<string>, out: Issue[]): void {
  out.push({ path, reason: `unknown ${what} '${value}'`, hint: didYouMean(value, known) });
}

/** Collects ids, reporting duplicates; returns id → path of its first use. */
/** An example's normalisation: no zero std, and mean and std of one length (or one of them a single number). */
function checkNormalize(normalize: Json | undefined, bodyPath: Path, out: Issue[]): void {
  if (!normalize) return;
  const path: Path = [...bodyPath, 'input', 'normalize'];
  const mean = asArray(normalize.mean);
  const std = asArray(normalize.std);
  std.forEach((v, i) => {
    if (v === 0) out.push({ path: [...path, 'std', i], reason: 'std must not be 0 (it divides)' });
  });
  if (mean.length > 1 && std.length > 1 && mean.length !== std.length)
    out.push({
      path,
      reason: `mean has ${mean.length} entries and std ${std.length}; give one per channel, or one for all`,
    });
}

function collectIds(
  entries: unknown[],
  basePath: Path,
  key: string,
  what: string,
  out: Issue[],
): Map<string, Path> {
  const seen = new Map<string, Path>();
  entries.forEach((entry, i) => {
    const id = asString(asObject(entry)?.[key]);
    if (id === undefined) return;
    const path = [...basePath, i, key];
    const first = seen.get(id);
    if (first)
      out.push({ path, reason: `duplicate ${what} '${id}'`, hint: `already used at /${first.join('/')}` });
    else seen.set(id, path);
  });
  return seen;
}

export function checkSemantics(pack: unknown): Issue[] {
  const out: Issue[] = [];
  const root = asObject(pack);
  if (!root) return out;
  const items = asArray(root.items);
  const steps = asArray(root.steps);
  const models = asArray(asObject(root.targets)?.models);

  const annotationIds = collectIds(items, ['items'], 'id', 'annotation id', out);
  const stepIds = collectIds(steps, ['steps'], 'id', 'step id', out);
  const aliases = collectIds(models, ['targets', 'models'], 'alias', 'model alias', out);
  const exampleIds = new Set<string>();
  for (const item of items) {
    const annotation = asObject(item);
    if (annotation?.kind === 'example' && typeof annotation.id === 'string') exampleIds.add(annotation.id);
  }

  const checkModelRef = (selector: unknown, path: Path): void => {
    const object = asObject(selector);
    if (!object) return;
    const alias = asString(object.model);
    if (alias !== undefined) {
      if (!aliases.has(alias)) unknownRef([...path, 'model'], 'model alias', alias, aliases.keys(), out);
    } else if (aliases.size > 1) {
      out.push({
        path,
        reason: 'this pack targets several models: say which one',
        hint: `add "model": one of ${[...aliases.keys()].map((a) => `'${a}'`).join(', ')}`,
      });
    }
  };

  const controlIds = new Set<string>();
  for (const item of items) {
    const annotation = asObject(item);
    if (annotation?.kind === 'control' && typeof annotation.id === 'string') controlIds.add(annotation.id);
  }

  const checkMarkdown = (text: unknown, path: Path): void => {
    if (typeof text !== 'string') return;
    for (const occurrence of findLiveValues(text)) {
      if (isControlExpression(occurrence.expression)) {
        const parsed = parseControlValue(occurrence.expression);
        if (!parsed.ok)
          out.push({ path, reason: `live value {{${occurrence.expression}}}: ${parsed.error}` });
        else if (!controlIds.has(parsed.ref.control))
          out.push({
            path,
            reason: `live value {{${occurrence.expression}}} names unknown control '${parsed.ref.control}'`,
            hint: didYouMean(parsed.ref.control, controlIds),
          });
      } else if (!occurrence.parsed.ok) {
        out.push({
          path,
          reason: `live value {{${occurrence.expression}}}: ${occurrence.parsed.error}`,
          hint: 'write \\{{ for literal braces',
        });
      } else if (!aliases.has(occurrence.parsed.ref.alias)) {
        out.push({
          path,
          reason: `live value {{${occurrence.expression}}} names unknown model alias '${occurrence.parsed.ref.alias}'`,
          hint: didYouMean(occurrence.parsed.ref.alias, aliases.keys()),
        });
      }
    }
  };

  const checkTarget = (target: unknown, path: Path): void => {
    const model = asObject(target)?.model;
    if (model !== undefined) checkModelRef(model, [...path, 'model']);
    const diagram = asObject(target)?.diagram;
    if (diagram !== undefined) checkModelRef(diagram, [...path, 'diagram']);
  };

  const checkExampleRef = (id: unknown, path: Path): void => {
    if (typeof id !== 'string') return;
    if (!exampleIds.has(id)) {
      const what = annotationIds.has(id) ? 'example (that annotation is not an example)' : 'example';
      unknownRef(path, what, id, exampleIds, out);
    }
  };

  items.forEach((item, i) => {
    const annotation = asObject(item);
    if (!annotation) return;
    const path: Path = ['items', i];
    checkTarget(annotation.target, [...path, 'target']);
    const step = asString(annotation.step);
    if (step !== undefined && !stepIds.has(step))
      unknownRef([...path, 'step'], 'step', step, stepIds.keys(), out);
    const body = asObject(annotation.body);
    if (!body) return;
    const bodyPath: Path = [...path, 'body'];
    if (annotation.kind === 'note') checkMarkdown(body.value, [...bodyPath, 'value']);
    for (const key of ['caption', 'claim', 'question', 'explanation'] as const)
      checkMarkdown(body[key], [...bodyPath, key]);
    if (annotation.kind === 'equation') {
      for (const [symbol, binding] of Object.entries(asObject(body.bindings) ?? {}))
        checkModelRef(binding, [...bodyPath, 'bindings', symbol]);
    }
    if (annotation.kind === 'example')
      checkNormalize(asObject(asObject(body.input)?.normalize), bodyPath, out);
    if (annotation.kind === 'check') {
      checkExampleRef(body.example, [...bodyPath, 'example']);
      asArray(body.examples).forEach((id, j) => checkExampleRef(id, [...bodyPath, 'examples', j]));
    }
  });

  checkExplorables(root, items, exampleIds, annotationIds, out);

  steps.forEach((entry, i) => {
    const step = asObject(entry);
    if (!step) return;
    checkMarkdown(step.body, ['steps', i, 'body']);
    checkTarget(step.target, ['steps', i, 'target']);
    asArray(step.highlights).forEach((id, j) => {
      if (typeof id === 'string' && !annotationIds.has(id))
        unknownRef(['steps', i, 'highlights', j], 'annotation id', id, annotationIds.keys(), out);
    });
  });
  return out;
}
