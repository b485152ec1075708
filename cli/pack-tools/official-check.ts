// Script (node --import tsx cli/pack-tools/official-check.ts [MODELS_DIR] [PACK]): runs every example and
// check of the official-demo packs with the checks engine on the real, published models (default ../shared/models),
// each built as its demo builds it — including the models that exist only in the page (the truncated MobileNet,
// the translation encoder and decoder, the dense head), which `literate pack check --model` cannot load from a file.
// Prints one line per result; exits 1 when anything fails or could not run.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelGraph } from '../../model/model-graph';
import { runPack, type ModelRunner } from '../../annotations/checks';
import { nodeInputSource } from '../check/image-source';
import { tfRunner } from '../check/tf-models';
import type { Pack } from '../../annotations/format/types';
import { PACKS_DIR, REPO_ROOT } from './gallery';
import { OFFICIAL, buildOfficialModel, describeOfficial } from './official';

async function main(): Promise<number> {
  await tf.setBackend('cpu');
  const modelsDir = resolve(process.argv[2] ?? join(REPO_ROOT, '../shared/models'));
  const only = process.argv[3];
  let bad = 0;
  for (const entry of OFFICIAL.filter((e) => !only || e.pack === only)) {
    const pack = JSON.parse(readFileSync(join(PACKS_DIR, `${entry.pack}.json`), 'utf8')) as Pack;
    const graphs = new Map<string, ModelGraph>();
    const runners = new Map<string, ModelRunner>();
    let n = 0;
    for (const [alias, build] of Object.entries(entry.models)) {
      const { model, url } = await buildOfficialModel(tf, build, modelsDir);
      const graph = describeOfficial(model, url, `m${++n}`);
      graphs.set(alias, graph);
      runners.set(alias, tfRunner(tf, model, graph.kind));
    }
    const result = await runPack(pack, graphs, runners, nodeInputSource);
    const stale = result.staleness.models.filter((m) => m.stale).map((m) => `${m.alias} (${m.summary})`);
    console.log(
      `${entry.pack}: ${JSON.stringify(result.summary)}${stale.length ? `; stale: ${stale.join(', ')}` : ''}`,
    );
    for (const r of [...result.examples, ...result.checks]) {
      console.log(`  ${r.status.padEnd(13)} ${r.id}: ${r.message}`);
      if (r.status === 'fail' || r.status === 'could-not-run') bad++;
    }
    bad += stale.length;
  }
  return bad === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
