// Axes around a chart: value ticks down the left (the zero line among them) and the first and last index (or the
// range's ends and zero, for a histogram) along the bottom, each with a title. The chart goes in the middle.

import type { ComponentChildren } from 'preact';
import type { Tick } from './ticks';

export interface AxesProps {
  /** Ticks up the value axis, `at` 0 = bottom, 1 = top. */
  y: Tick[];
  yTitle: string;
  /** Ticks along the bottom, `at` 0 = left, 1 = right. */
  x: Tick[];
  xTitle: string;
  children: ComponentChildren;
}

export function Axes({ y, yTitle, x, xTitle, children }: AxesProps) {
  return (
    <div class="axes">
      <span class="axis-y" aria-hidden="true">
        {y.map((t) => (
          <span key={t.value} class="tick num" style={{ bottom: `${t.at * 100}%` }}>
            {t.label}
          </span>
        ))}
      </span>
      <div class="axes-plot">{children}</div>
      <span class="axis-x" aria-hidden="true">
        {x.map((t) => (
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
      <span class="axis-titles muted" aria-hidden="true">
        <span>↕ {yTitle}</span>
        <span>↔ {xTitle}</span>
      </span>
    </div>
  );
}
