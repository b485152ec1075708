// A compact line of statistics under a view: range, mean and the share of zeros.

import { t } from '../../../extension/ui/i18n';
import { formatPercent, formatValue, type Stats } from './stats';

export function StatsLine({
  stats,
  std,
}: {
  stats: Pick<Stats, 'min' | 'max' | 'mean'> & Partial<Stats>;
  std?: boolean;
}) {
  return (
    <dl class="stats">
      <div>
        <dt>{t('statMin')}</dt>
        <dd class="num">{formatValue(stats.min)}</dd>
      </div>
      <div>
        <dt>{t('statMax')}</dt>
        <dd class="num">{formatValue(stats.max)}</dd>
      </div>
      <div>
        <dt>{t('statMean')}</dt>
        <dd class="num">{formatValue(stats.mean)}</dd>
      </div>
      {std && stats.std !== undefined && (
        <div>
          <dt>{t('statStd')}</dt>
          <dd class="num">{formatValue(stats.std)}</dd>
        </div>
      )}
      {stats.sparsity !== undefined && (
        <div>
          <dt>{t('statZeros')}</dt>
          <dd class="num">{formatPercent(stats.sparsity)}</dd>
        </div>
      )}
    </dl>
  );
}
