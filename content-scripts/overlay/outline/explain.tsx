// The glossary line and equation for a node: what its op does, in words and in TeX, plus its activation.
// Pack-provided explanations will slot in above this built-in one (see ExplanationSlot in node-detail).

import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { explainNode } from '../glossary/lookup';
import { Equation } from '../math/equation';

export function GlossaryLine({ node, kind }: { node: ModelNode; kind: ModelGraph['kind'] }) {
  const { op } = explainNode(node, kind);
  return <span class="gloss">{op ? op.summary : `${node.op}: no built-in description yet.`}</span>;
}

export function BuiltInExplanation({ node, kind }: { node: ModelNode; kind: ModelGraph['kind'] }) {
  const { op, activation } = explainNode(node, kind);
  if (!op) {
    return (
      <p class="muted">
        Literate has no built-in description of <code class="mono">{node.op}</code> yet.
      </p>
    );
  }
  return (
    <div class="explain">
      <p class="summary">{op.summary}</p>
      <Equation tex={op.tex} label={`Equation of ${op.title}`} />
      {op.where && <p class="where muted">{op.where}</p>}
      {activation && (
        <div class="activation">
          <p>
            Then the activation <strong>{activation.entry?.title ?? activation.name}</strong>
            {activation.entry ? `: ${lowerFirst(activation.entry.summary)}` : '.'}
          </p>
          {activation.entry && (
            <Equation tex={activation.entry.tex} label={`Equation of ${activation.entry.title}`} />
          )}
        </div>
      )}
    </div>
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
