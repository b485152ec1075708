// Builds the shipped packs' JSON from their sources: `npx tsx annotations/packs/source/build.ts` writes
// annotations/packs/<demo>.json; with `--check` it only reports (exit 1) the files that are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../format/types';
import { pack as decisionRegions } from './decision-regions';
import { pack as drawShapes } from './draw-shapes';
import { pack as legacySpiral } from './legacy-spiral';
import { pack as movingShapes } from './moving-shapes';

export const PACK_SOURCES: Record<string, Pack> = {
  'draw-shapes': drawShapes,
  'moving-shapes': movingShapes,
  'decision-regions': decisionRegions,
  'legacy-spiral': legacySpiral,
};

/** The JSON text we ship for a pack: two-space indentation, one trailing newline. */
export const packText = (pack: Pack): string => `${JSON.stringify(pack, null, 2)}\n`;

const packsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const checkOnly = process.argv.includes('--check');
  let stale = 0;
  for (const [demo, pack] of Object.entries(PACK_SOURCES)) {
    const file = join(packsDir, `${demo}.json`);
    const text = packText(pack);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current === text) continue;
    if (checkOnly) {
      console.error(`${demo}.json is out of date; run npx tsx annotations/packs/source/build.ts`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${demo}.json (${text.length} bytes, ${pack.items.length} annotations)`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
