// Packs the publishable CLI (@literate-dl/cli): stages packages/cli with the bundled dist/cli/literate.js, its
// third-party notices and the LICENSE, checks its version against the repository's, and runs `npm pack` into
// dist/packages/. Run after `npm run build`.

import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliPackage {
  /** Absolute path of the .tgz. */
  tarball: string;
  name: string;
  version: string;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** Stages and packs the CLI; throws with an actionable message when the build is missing or versions disagree. */
export function packCli(root: string, outDir = join(root, 'dist/packages')): CliPackage {
  const bundle = join(root, 'dist/cli/literate.js');
  if (!existsSync(bundle)) throw new Error('dist/cli/literate.js is missing: run `npm run build` first.');
  const manifest = readJson(join(root, 'packages/cli/package.json'));
  const version = readJson(join(root, 'package.json')).version as string;
  if (manifest.version !== version)
    throw new Error(
      `packages/cli/package.json has version ${String(manifest.version)}, the repository ${version}: ` +
        'run `npm run version:bump -- <version>`.',
    );
  const stage = join(outDir, 'cli');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'dist'), { recursive: true });
  for (const file of ['package.json', 'README.md', 'bin/literate.js'])
    cpSync(join(root, 'packages/cli', file), join(stage, file));
  chmodSync(join(stage, 'bin/literate.js'), 0o755);
  cpSync(bundle, join(stage, 'dist/literate.js'));
  cpSync(join(root, 'dist/cli/THIRD-PARTY-LICENSES.txt'), join(stage, 'THIRD-PARTY-LICENSES.txt'));
  cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
    cwd: stage,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  rmSync(stage, { recursive: true, force: true });
  const [packed] = JSON.parse(out) as { filename: string; name: string; version: string }[];
  if (!packed) throw new Error('npm pack wrote nothing');
  return { tarball: join(outDir, packed.filename), name: packed.name, version: packed.version };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.cwd();
  const packed = packCli(root);
  console.log(`wrote ${packed.tarball.slice(root.length + 1)} (${packed.name}@${packed.version})`);
}
