// Writes the seeded coloured-shapes data (the same renderer the pages draw with) as raw little-endian arrays, so
// that make.py trains the ONNX image classifier in numpy on exactly the pixels the browser page produces.
// Usage: tsx demos/onnx-models/export-shapes.ts <out-dir>   (writes <name>.x.f32, <name>.y.i32, shapes.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOLID_SIZE, solidDataset } from '../models/datasets.js';

/** The splits make.py trains and tests on: name → [count, seed]. */
export const SHAPE_SPLITS: Record<string, [number, number]> = {
  train: [7200, 20_001],
  test: [1200, 20_002],
};

function main(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  let classes: readonly string[] = [];
  for (const [name, [count, seed]] of Object.entries(SHAPE_SPLITS)) {
    const data = solidDataset(count, seed);
    classes = data.classes;
    writeFileSync(join(outDir, `${name}.x.f32`), new Uint8Array(data.xs.buffer));
    writeFileSync(join(outDir, `${name}.y.i32`), new Uint8Array(data.labels.buffer));
  }
  const meta = { size: SOLID_SIZE, channels: 3, classes, splits: SHAPE_SPLITS };
  writeFileSync(join(outDir, 'shapes.json'), JSON.stringify(meta));
}

main(process.argv[2] ?? 'shapes-data');
