// The legend of a value image: the colour map as a bar with round numbers under it, and what the colours mean.

import { t } from '../../../extension/ui/i18n';
import { colorMapOf, gradientStops, legendText, type Scale } from './colormap';
import { scaleTicks } from './ticks';

export function ColorBar({ scale }: { scale: Scale }) {
  const ticks = scaleTicks(scale.lo, scale.hi, 4);
  const stops = gradientStops(scale, 9);
  return (
    <div class="color-bar" data-map={colorMapOf(scale)}>
      <span
        class="color-bar-ramp"
        aria-hidden="true"
        style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
      />
      <span class="color-bar-ticks" aria-hidden="true">
        {ticks.map((t) => (
          <span
            key={t.value}
            class="tick num"
            data-edge={t.at <= 0 ? 'start' : t.at >= 1 ? 'end' : undefined}
            style={{ left: `${t.at * 100}%` }}
          >
            {t.label}
          </span>
        ))}
      </span>
      <span class="color-bar-legend muted">{t('colourLegend', legendText(scale))}</span>
    </div>
  );
}
