// Draws Literate's toolbar icons (a small network on a rounded square) as PNGs, with no image library.
// Run: npx tsx scripts/make-icons.ts — writes extension/icons/icon-{16,32,48,128}.png (committed).

import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from '../cli/png';

type RGBA = [number, number, number, number];

/** Colour of the icon at (x, y) in unit coordinates [0,1]², or transparent. */
function shade(x: number, y: number): RGBA {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const nodes: [number, number][] = [
    [0.28, 0.3],
    [0.28, 0.7],
    [0.72, 0.5],
  ];
  const white: RGBA = [255, 255, 255, 255];
  for (const [nx, ny] of nodes) if ((x - nx) ** 2 + (y - ny) ** 2 < 0.012) return white;
  for (const [ax, ay] of nodes.slice(0, 2)) {
    const [bx, by] = nodes[2]!;
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    const d = Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
    if (d < 0.035) return white;
  }
  return [59, 91, 219, 255];
}

export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          acc[0]! += c[0] * c[3];
          acc[1]! += c[1] * c[3];
          acc[2]! += c[2] * c[3];
          acc[3]! += c[3];
        }
      }
      const a = acc[3]!;
      const i = (y * size + x) * 4;
      out[i] = a ? Math.round(acc[0]! / a) : 0;
      out[i + 1] = a ? Math.round(acc[1]! / a) : 0;
      out[i + 2] = a ? Math.round(acc[2]! / a) : 0;
      out[i + 3] = Math.round(a / (ss * ss));
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('extension/icons', { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    writeFileSync(
      `extension/icons/icon-${size}.png`,
      encodePng(drawIcon(size), size, size, 4, { compress: true }),
    );
  }
  console.log('wrote extension/icons/icon-{16,32,48,128}.png');
}
