// The glossary line and equation for a node: what its op does, in words and in TeX, plus its activation.
// Pack-provided explanations will slot in above this built-in one (see ExplanationSlot in node-detail).

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { explainNode, glossaryColon } from '../glossary/lookup';
import { Equation } from '../math/equation';

export function GlossaryLine({ node, kind }: { node: ModelNode; kind: ModelGraph['kind'] }) {
  const { op } = explainNode(node, kind);
  // The glossary says which language its words are in (the reader's where it has them), so a screen reader's voice fits.
  return op ? (
    <span class="gloss" lang={op.lang}>
      {op.summary}
    </span>
  ) : (
    <span class="gloss">{t('glossNone', node.op)}</span>
  );
}

export function BuiltInExplanation({ node, kind }: { node: ModelNode; kind: ModelGraph['kind'] }) {
  const { op, activation } = explainNode(node, kind);
  if (!op) {
    return <p class="muted">{t('glossNoneLong', node.op)}</p>;
  }
  return (
    <div class="explain">
      <p class="summary" lang={op.lang}>
        {op.summary}
      </p>
      <Equation tex={op.tex} label={t('equationOf', op.title)} />
      {op.where && (
        <p class="where muted" lang={op.lang}>
          {op.where}
        </p>
      )}
      {activation && (
        <div class="activation">
          <p>
            {t('thenActivation')} <strong>{activation.entry?.title ?? activation.name}</strong>
            {activation.entry ? (
              <span lang={activation.entry.lang}>
                {glossaryColon(activation.entry.lang)}
                {lowerFirst(activation.entry.summary)}
              </span>
            ) : (
              '.'
            )}
          </p>
          {activation.entry && (
            <Equation tex={activation.entry.tex} label={t('equationOf', activation.entry.title)} />
          )}
        </div>
      )}
    </div>
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
