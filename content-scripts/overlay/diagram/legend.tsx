// The diagram's legend: one swatch per op family drawn, in the same colour as the nodes' bars.

import { t } from '../../../extension/ui/i18n';
import { kindsPresent, opKind, type OpKind } from './op-kinds';
import type { Grouping } from './grouping';

export function Legend({ grouping }: { grouping: Grouping }) {
  const kinds = kindsPresent([...grouping.nodes.values()].map((n): OpKind => opKind(n)));
  return (
    <ul class="dg-legend" aria-label={t('dgLegend')}>
      {kinds.map((k) => (
        <li key={k.kind}>
          <span class="dg-swatch" data-kind={k.kind} aria-hidden="true" />
          {t(k.label)}
        </li>
      ))}
    </ul>
  );
}
