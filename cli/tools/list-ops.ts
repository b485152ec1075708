// Prints the layer classes, graph ops and activations used by every model.json under the given folders
// (`npx tsx cli/tools/list-ops.ts ../shared/models`), to refresh real-model-ops.ts.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scanModelJson, type UsedNames } from '../../content-scripts/overlay/glossary/scan-ops';

function walk(dir: string, used: UsedNames): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, used);
    else if (/^model.*\.json$/.test(name)) scanModelJson(JSON.parse(readFileSync(path, 'utf8')), used);
  }
}

const used: UsedNames = { layers: new Set(), ops: new Set(), activations: new Set() };
for (const dir of process.argv.slice(2)) walk(dir, used);
const sorted = (s: Set<string>) => [...s].sort();
console.log(
  JSON.stringify(
    { layers: sorted(used.layers), ops: sorted(used.ops), activations: sorted(used.activations) },
    null,
    2,
  ),
);
