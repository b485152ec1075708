// A compact line of statistics under a view: range, mean and the share of zeros.

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
        <dt>min</dt>
        <dd class="num">{formatValue(stats.min)}</dd>
      </div>
      <div>
        <dt>max</dt>
        <dd class="num">{formatValue(stats.max)}</dd>
      </div>
      <div>
        <dt>mean</dt>
        <dd class="num">{formatValue(stats.mean)}</dd>
      </div>
      {std && stats.std !== undefined && (
        <div>
          <dt>std</dt>
          <dd class="num">{formatValue(stats.std)}</dd>
        </div>
      )}
      {stats.sparsity !== undefined && (
        <div>
          <dt>zeros</dt>
          <dd class="num">{formatPercent(stats.sparsity)}</dd>
        </div>
      )}
    </dl>
  );
}
