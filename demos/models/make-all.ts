// Rebuilds every demo model (npm run demos:models): trains them in two parallel lanes of child processes,
// one per core, then writes report.json with the accuracies and file sizes, which are the same on every run.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANES } from './recipes.js';
import type { ModelSummary } from './make-model.js';
import { writeJsonFile } from './model-files.js';

const MODELS_DIR = dirname(fileURLToPath(import.meta.url));

function runModel(name: string): Promise<ModelSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(MODELS_DIR, 'make-model.ts'), name], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() && !/tfjs-node|={10}|Hi, looks like/.test(line)) console.log(`  ${line}`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last) reject(new Error(`${name} failed with exit code ${code}`));
      else resolve(JSON.parse(last) as ModelSummary);
    });
  });
}

async function runLane(names: string[]): Promise<ModelSummary[]> {
  const summaries: ModelSummary[] = [];
  for (const name of names) summaries.push(await runModel(name));
  return summaries;
}

async function main(): Promise<void> {
  const started = performance.now();
  const summaries = (await Promise.all(LANES.map(runLane))).flat();
  for (const s of summaries) {
    const graph =
      s.graphMaxAbsDiff === undefined ? '' : `, graph export max |Δ| ${s.graphMaxAbsDiff.toExponential(1)}`;
    const files = Object.entries(s.files)
      .map(([dir, bytes]) => `${dir} ${(bytes / 1024).toFixed(1)} KB`)
      .join(', ');
    console.log(
      `${s.name}: ${s.params} params, trained in ${s.trainSeconds} s, train accuracy ${(100 * s.trainAccuracy).toFixed(1)}%, ` +
        `held-out accuracy ${(100 * s.testAccuracy).toFixed(1)}%${graph}; ${files}`,
    );
  }
  const report = summaries.map(({ trainSeconds: _seconds, graphMaxAbsDiff: _diff, ...stable }) => stable);
  writeJsonFile(join(MODELS_DIR, 'report.json'), report, true);
  console.log(`all models made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
