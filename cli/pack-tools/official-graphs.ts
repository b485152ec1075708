// Script (node --import tsx cli/pack-tools/official-graphs.ts [MODELS_DIR]): records the ModelGraph of every
// model the official-demo packs explain, built as each demo builds it from the published files (default
// ../shared/models), into tools/official-graphs/<pack>.json. The published weights are not ours to commit; these
// descriptions (names, ops, shapes, weight specs, fingerprints) are what packs.test.ts proves the packs against.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT } from './gallery';
import {
  OFFICIAL,
  buildOfficialModel,
  describeOfficial,
  officialGraphsFile,
  type OfficialGraphs,
} from './official';

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const modelsDir = resolve(process.argv[2] ?? join(REPO_ROOT, '../shared/models'));
  for (const entry of OFFICIAL) {
    const out: OfficialGraphs = { source: '', models: {}, distractors: {}, labels: {} };
    const folders = new Set<string>();
    let n = 0;
    for (const [group, builds] of [
      ['models', entry.models],
      ['distractors', entry.distractors ?? {}],
    ] as const)
      for (const [alias, build] of Object.entries(builds)) {
        const { model, url } = await buildOfficialModel(tf, build, modelsDir);
        out[group][alias] = describeOfficial(model, url, `m${++n}`);
        if ('folder' in build) folders.add(`${build.folder}/${build.file}`);
      }
    out.source = [...folders].join(', ') || 'built in the page';
    if (entry.labelsFile)
      out.labels[entry.labelsFile.alias] = readFileSync(join(modelsDir, entry.labelsFile.file), 'utf8')
        .trim()
        .split('\n');
    const file = officialGraphsFile(entry.pack);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(out)}\n`);
    const sizes = Object.entries(out.models).map(
      ([a, g]) => `${a} ${g.fingerprint.slice(0, 12)} ${g.nodes.length}`,
    );
    console.log(`${entry.pack}: ${sizes.join('; ')} (${readFileSync(file).length} bytes)`);
  }
}

void main();
