// Evaluating the structural claims of a pack (shape, params, op, fingerprint) purely against a ModelGraph;
// behavioural claims need the model to run and are reported as could-not-run here (the probe runs them).
import type { ModelGraph } from '../../model/model-graph';
import { resolveModelSelector } from '../anchors/model-anchors';
import { STRUCTURAL_CHECKS } from '../format/pack-spec';
import type { CheckBody, ModelSelector, StructuralCheckType } from '../format/types';
import { shapeMatches, shapeToString } from './shapes';

export interface CheckResult {
  status: 'pass' | 'fail' | 'could-not-run';
  observed: unknown;
  expected: unknown;
  message: string;
}

export interface CheckSubject {
  body: CheckBody;
  target?: { model?: ModelSelector };
}

export function isStructuralCheck(
  body: CheckBody,
): body is Extract<CheckBody, { check: StructuralCheckType }> {
  return (STRUCTURAL_CHECKS as readonly string[]).includes(body.check);
}

const cannot = (expected: unknown, message: string): CheckResult => ({
  status: 'could-not-run',
  observed: null,
  expected,
  message,
});
const verdict = (ok: boolean, observed: unknown, expected: unknown, what: string): CheckResult => ({
  status: ok ? 'pass' : 'fail',
  observed,
  expected,
  message: ok
    ? `${what}: as claimed`
    : `${what}: claimed ${JSON.stringify(expected)}, found ${JSON.stringify(observed)}`,
});

/** Evaluates a check annotation (its body and target's model selector) against the graph its alias binds to. */
export function evaluateStructuralCheck(check: CheckSubject, graph: ModelGraph): CheckResult {
  const body = check.body;
  if (!isStructuralCheck(body))
    return cannot(null, `'${body.check}' is a behavioural check: it runs the model (probe)`);
  if (body.check === 'fingerprint')
    return verdict(
      graph.fingerprint === body.expected,
      graph.fingerprint,
      body.expected,
      'model fingerprint',
    );

  const anchor = resolveModelSelector(check.target?.model ?? { type: 'ModelNodeSelector' }, graph);
  if (anchor.status === 'orphan')
    return cannot(body.expected, `cannot find what the check is about: ${anchor.reason}`);
  const what = anchor.description;
  switch (body.check) {
    case 'shape': {
      const shape = anchor.tensor?.shape ?? null;
      if (!anchor.node) return cannot(body.expected, 'a shape check needs a node');
      if (shape === null) return cannot(body.expected, `${what}: output shape unknown until the model runs`);
      return {
        ...verdict(shapeMatches(body.expected, shape), shape, body.expected, `shape of ${anchor.node.id}`),
        ...(shapeMatches(body.expected, shape)
          ? {}
          : {
              message: `shape of ${anchor.node.id}: claimed ${shapeToString(body.expected)}, found ${shapeToString(shape)}`,
            }),
      };
    }
    case 'params': {
      if (!anchor.node)
        return verdict(
          graph.totals.params === body.expected,
          graph.totals.params,
          body.expected,
          'total params',
        );
      if (anchor.tensor?.weight) {
        const size = anchor.tensor.weight.shape.reduce((a, b) => a * b, 1);
        return verdict(
          size === body.expected,
          size,
          body.expected,
          `size of ${anchor.node.id} ${anchor.tensor.role}`,
        );
      }
      return verdict(
        anchor.node.params === body.expected,
        anchor.node.params,
        body.expected,
        `params of ${anchor.node.id}`,
      );
    }
    case 'op':
      if (!anchor.node) return cannot(body.expected, 'an op check needs a node');
      return verdict(
        anchor.node.op === body.expected,
        anchor.node.op,
        body.expected,
        `op of ${anchor.node.id}`,
      );
  }
}
