// `npm run package:verify`: proves AMO's source archive rebuilds the submitted add-on. Unpacks
// dist/packages/literate-amo-source-VERSION.tar.gz in a temporary folder, runs the build SOURCE-BUILD.md documents
// (npm ci && npm run build) there, and compares every file of its dist/firefox with the submitted
// literate-firefox-VERSION.zip, byte for byte. Exit 0 identical, 1 any difference, 2 missing packages.
// --link-node-modules reuses this checkout's node_modules instead of `npm ci` (a quick local run; CI runs npm ci).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { BUILD_COMMANDS } from './package-sources';
import { zipEntries } from './zip-entries';

export interface Comparison {
  identical: string[];
  differing: string[];
  onlyInZip: string[];
  onlyInBuild: string[];
}

function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

export function compareFiles(submitted: Map<string, Buffer>, rebuilt: Map<string, Buffer>): Comparison {
  const result: Comparison = { identical: [], differing: [], onlyInZip: [], onlyInBuild: [] };
  for (const [name, bytes] of submitted) {
    const other = rebuilt.get(name);
    if (!other) result.onlyInZip.push(name);
    else (other.equals(bytes) ? result.identical : result.differing).push(name);
  }
  for (const name of rebuilt.keys()) if (!submitted.has(name)) result.onlyInBuild.push(name);
  return result;
}

function main(): number {
  const root = process.cwd();
  const linkModules = process.argv.includes('--link-node-modules');
  const keep = process.argv.includes('--keep');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  const packages = join(resolve(root, process.env.LITERATE_DIST || 'dist'), 'packages');
  const zip = join(packages, `literate-firefox-${version}.zip`);
  const archive = join(packages, `literate-amo-source-${version}.tar.gz`);
  for (const file of [zip, archive])
    if (!existsSync(file)) {
      console.error(`${relative(root, file)} is missing: run \`npm run build && npm run package\` first.`);
      return 2;
    }
  const work = mkdtempSync(join(tmpdir(), 'literate-amo-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', work]);
    if (linkModules) symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    // The build writes where the archive says (dist/), whatever this shell's parallel-work variables say.
    const env = { ...process.env };
    delete env.LITERATE_DIST;
    const started = Date.now();
    for (const command of BUILD_COMMANDS) {
      if (linkModules && command[1] === 'ci') continue;
      console.log(`$ ${command.join(' ')}   (in ${work})`);
      execFileSync(command[0]!, command.slice(1), {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit'],
        env,
      });
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const result = compareFiles(zipEntries(readFileSync(zip)), filesUnder(join(work, 'dist/firefox')));
    const problems = [
      ...result.differing.map((f) => `differs       ${f}`),
      ...result.onlyInZip.map((f) => `only in zip   ${f}`),
      ...result.onlyInBuild.map((f) => `only in build ${f}`),
    ];
    for (const line of problems) console.log(line);
    console.log(
      `${relative(root, zip)}: ${result.identical.length} files identical, ${problems.length} differences ` +
        `(source rebuilt in ${seconds} s${linkModules ? ', node_modules linked' : ', npm ci'})`,
    );
    return problems.length === 0 ? 0 : 1;
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('reproduce-amo.ts')) process.exitCode = main();
