// One slider per input feature, with the range it came from (declared, seen on the page, or a default) and its
// value as a number field too, so a reader without a pointer can type it.

import { t, type MessageKey } from '../../../extension/ui/i18n';
import type { FeatureRange } from './feature-ranges';

export interface VectorSlidersProps {
  ranges: readonly FeatureRange[];
  values: readonly number[];
  names?: readonly string[];
  onValues(values: number[]): void;
}

const SOURCE: Record<FeatureRange['source'], MessageKey> = {
  declared: 'exRangeDeclared',
  observed: 'exRangeObserved',
  default: 'exRangeDefault',
};

function fmt(v: number, step: number): string {
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
  return v.toFixed(digits);
}

export function VectorSliders({ ranges, values, names, onValues }: VectorSlidersProps) {
  const set = (i: number, v: number) => {
    if (!Number.isFinite(v)) return;
    const next = [...values];
    next[i] = v;
    onValues(next);
  };
  return (
    <fieldset class="ex-sliders">
      <legend>{t('exFeatures')}</legend>
      {ranges.map((r, i) => {
        const name = names?.[i] ?? t('exFeatureN', i);
        const v = values[i] ?? r.value;
        return (
          <div class="ex-slider" key={i}>
            <label for={`lt-ex-f${i}`}>{name}</label>
            <input
              id={`lt-ex-f${i}`}
              type="range"
              min={r.min}
              max={r.max}
              step={r.step}
              value={v}
              aria-valuetext={fmt(v, r.step)}
              aria-describedby={`lt-ex-fr${i}`}
              onInput={(e) => set(i, Number((e.currentTarget as HTMLInputElement).value))}
            />
            <input
              type="number"
              class="num"
              step={r.step}
              value={fmt(v, r.step)}
              aria-label={t('exFeatureValue', name)}
              onChange={(e) => set(i, Number((e.currentTarget as HTMLInputElement).value))}
            />
            <span id={`lt-ex-fr${i}`} class="muted ex-range-note">
              {fmt(r.min, r.step)} … {fmt(r.max, r.step)} ({t(SOURCE[r.source])})
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
