// Colour scales for value images: a perceptual sequential ramp for values of one sign, a diverging one (blue, white,
// red) when values go both ways around zero. Pure; returns 0–255 RGB.

type Rgb = [number, number, number];

/** A short viridis-like ramp (dark blue → teal → green → yellow), readable on light and dark backgrounds. */
const SEQUENTIAL: Rgb[] = [
  [20, 18, 60],
  [44, 80, 142],
  [33, 144, 140],
  [94, 201, 98],
  [253, 231, 37],
];
const DIVERGING: Rgb[] = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [244, 165, 130],
  [178, 24, 43],
];

function ramp(stops: Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

export interface Scale {
  lo: number;
  hi: number;
  diverging: boolean;
}

/** The scale for a range: symmetric around zero and diverging when the values take both signs. */
export function scaleFor(min: number, max: number): Scale {
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max);
    return { lo: -m, hi: m, diverging: true };
  }
  return { lo: min, hi: max === min ? min + 1 : max, diverging: false };
}

export function colorOf(v: number, scale: Scale): Rgb {
  const t = (v - scale.lo) / (scale.hi - scale.lo);
  return ramp(scale.diverging ? DIVERGING : SEQUENTIAL, t);
}
