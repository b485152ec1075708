// Script (node --import tsx cli/pack-tools/official-digests.ts [MODELS_DIR] [--check]): pins the weights digest of
// every model of the official-demo packs that comes from published files, built as its demo builds it (loaded, cut,
// split), into the pack's literate Markdown (`weightsDigest:` after the alias's fingerprint) and rebuilds its JSON.
// --check writes nothing and exits 1 when a pinned digest differs. Models trained in the page are not pinned.
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPack } from '../../annotations/author/build';
import { digestOfLoaded } from '../check/weights-digest';
import { REPO_ROOT } from './gallery';
import { OFFICIAL, buildOfficialModel } from './official';

const PACKS_DIR = join(REPO_ROOT, 'annotations/packs');

/** The front matter with `weightsDigest` set for `alias` (inserted after its fingerprint line, or replaced). */
export function pinInFrontMatter(markdown: string, alias: string, digest: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s*- alias: ${alias}\\s*$`).test(l));
  if (at < 0) throw new Error(`no model alias ${alias} in the front matter`);
  const indent = /^(\s*)-/.exec(lines[at]!)![1]! + '  ';
  let end = at + 1;
  while (end < lines.length && lines[end]!.startsWith(indent)) end++;
  const existing = lines.slice(at + 1, end).findIndex((l) => l.startsWith(`${indent}weightsDigest:`));
  const line = `${indent}weightsDigest: ${digest}`;
  if (existing >= 0) lines[at + 1 + existing] = line;
  else {
    const fp = lines.slice(at + 1, end).findIndex((l) => l.startsWith(`${indent}fingerprint:`));
    lines.splice(fp >= 0 ? at + 2 + fp : at + 1, 0, line);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const modelsDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(REPO_ROOT, '../shared/models'));
  let failed = 0;
  for (const entry of OFFICIAL) {
    const mdFile = join(PACKS_DIR, `${entry.pack}.md`);
    let markdown = readFileSync(mdFile, 'utf8');
    const pack = JSON.parse(readFileSync(join(PACKS_DIR, `${entry.pack}.json`), 'utf8')) as {
      targets: { models: { alias: string; weightsDigest?: string }[] };
    };
    for (const [alias, build] of Object.entries(entry.models)) {
      if (!('folder' in build)) continue; // built and trained in the page: its weights are the page's own
      const { model } = await buildOfficialModel(tf, build, modelsDir);
      const kind = build.kind === 'graph' ? 'graph' : 'layers';
      const d = await digestOfLoaded(model, kind);
      const pinned = pack.targets.models.find((m) => m.alias === alias)?.weightsDigest;
      const state = pinned === d.digest ? 'pinned' : pinned ? `DIFFERS from pinned ${pinned}` : 'not pinned';
      console.log(
        `${entry.pack} ${alias}: ${d.digest} (${d.weights} weights, ${d.bytes} bytes, ${d.ms} ms) ${state}`,
      );
      if (check && pinned !== d.digest) failed++;
      if (!check) markdown = pinInFrontMatter(markdown, alias, d.digest);
    }
    if (check) continue;
    const built = buildPack(markdown);
    if (!built.ok) throw new Error(`${entry.pack}.md no longer builds: ${JSON.stringify(built.errors)}`);
    writeFileSync(mdFile, markdown);
    writeFileSync(join(PACKS_DIR, `${entry.pack}.json`), `${JSON.stringify(built.pack, null, 2)}\n`);
  }
  if (failed > 0) {
    console.error(`${failed} pinned weights digest(s) differ`);
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('official-digests.ts')) void main();
