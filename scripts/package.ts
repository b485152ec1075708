// `npm run package` (after `npm run build`): everything the stores and npm take, in dist/packages/ — the Chrome Web
// Store and AMO zips (web-ext build; the Firefox one must pass web-ext lint), AMO's source archive with
// SOURCE-BUILD.md, the CLI tarball (@literate-dl/cli) and the store listing. Screenshots: npm run package:screenshots.

import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { packCli } from './package-cli';
import { packSources, sourceFiles } from './package-sources';

const root = process.cwd();
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
/** The extension builds to package: dist/, or LITERATE_DIST as the build wrote them (parallel work). */
const dist = resolve(root, process.env.LITERATE_DIST || 'dist');
const out = join(dist, 'packages');
const webExt = join(root, 'node_modules/.bin/web-ext');
mkdirSync(out, { recursive: true });
const relative = (path: string) => path.slice(root.length + 1);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

for (const target of ['chrome', 'firefox'] as const) {
  const source = join(dist, target);
  if (!existsSync(join(source, 'manifest.json')))
    fail(`${relative(source)} is missing: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as { version: string };
  if (manifest.version !== version)
    fail(
      `${relative(source)} is version ${manifest.version}, package.json ${version}: run \`npm run build\` again.`,
    );
  // webpack's development output keeps its module markers; the stores get the minified production build.
  if (readFileSync(join(source, 'background.js'), 'utf8').includes('\n/***/ '))
    fail(`${relative(source)} is a development build: run \`npm run build\` (production) first.`);
}

// The source archive must hold what was built: a source edited after the build (another editor, a pull) would make
// the AMO reproduction differ, so it stops here.
const builtAt = statSync(join(dist, 'firefox/manifest.json')).mtimeMs;
const newer = sourceFiles(root).filter((file) => statSync(join(root, file)).mtimeMs > builtAt);
if (newer.length > 0)
  fail(
    `sources changed since ${relative(dist)} was built (${newer.slice(0, 5).join(', ')}): run \`npm run build\` again.`,
  );

try {
  execFileSync(webExt, ['lint', '--source-dir', join(dist, 'firefox'), '--no-input', '--self-hosted'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (error) {
  fail(
    `web-ext lint found errors in dist/firefox:\n${String((error as { stdout?: string }).stdout ?? error)}`,
  );
}

for (const target of ['chrome', 'firefox'] as const) {
  const tmp = join(out, `.tmp-${target}`);
  rmSync(tmp, { recursive: true, force: true });
  execFileSync(
    webExt,
    ['build', '--source-dir', join(dist, target), '--artifacts-dir', tmp, '--overwrite-dest', '--no-input'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const [zip] = readdirSync(tmp);
  const dest = join(out, `literate-${target}-${version}.zip`);
  renameSync(join(tmp, zip!), dest);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`wrote ${relative(dest)}`);
}

console.log(`wrote ${relative(packSources(root, out, version))} (and SOURCE-BUILD.md)`);
const cli = packCli(root, out);
console.log(`wrote ${relative(cli.tarball)} (${cli.name}@${cli.version})`);
mkdirSync(join(out, 'store'), { recursive: true });
for (const file of ['store/listing.json', 'PRIVACY.md'])
  cpSync(join(root, file), join(out, 'store', file.replace('store/', '')));
console.log(
  `copied the listing and PRIVACY.md to ${relative(join(out, 'store'))} (screenshots: npm run package:screenshots)`,
);
