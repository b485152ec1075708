// Writes store-ready zips of both builds (dist/packages/literate-{chrome,firefox}-VERSION.zip) with web-ext build.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const out = join(root, 'dist/packages');
mkdirSync(out, { recursive: true });

for (const target of ['chrome', 'firefox'] as const) {
  const source = join(root, 'dist', target);
  if (!existsSync(join(source, 'manifest.json'))) {
    console.error(`dist/${target} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const tmp = join(out, `.tmp-${target}`);
  rmSync(tmp, { recursive: true, force: true });
  execFileSync(
    join(root, 'node_modules/.bin/web-ext'),
    ['build', '--source-dir', source, '--artifacts-dir', tmp, '--overwrite-dest', '--no-input'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const [zip] = execFileSync('ls', [tmp]).toString().trim().split('\n');
  const dest = join(out, `literate-${target}-${version}.zip`);
  renameSync(join(tmp, zip!), dest);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`wrote ${dest.slice(root.length + 1)}`);
}
