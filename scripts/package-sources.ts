// AMO's source archive: the files the extension build reads (tracked and new, not ignored; no tests, CLI or gallery)
// with SOURCE-BUILD.md, the exact Node and npm versions and the commands that rebuild dist/firefox from them.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Files at the root and folders whose files the extension build (webpack.config.ts, extension config) reads. */
export const SOURCE_ROOT_FILES = [
  'package.json',
  'package-lock.json',
  '.npmrc',
  'tsconfig.json',
  'webpack.config.ts',
  'manifest.json',
  'LICENSE',
  'scripts/manifests.ts',
  'scripts/noncharacters.ts',
  'scripts/bundled-licenses.ts',
];
export const SOURCE_FOLDERS = ['base', 'model', 'protocol', 'annotations', 'content-scripts', 'extension'];

/** The documented build, run as is by scripts/reproduce-amo.ts. */
export const BUILD_COMMANDS: readonly (readonly string[])[] = [
  ['npm', 'ci', '--no-audit', '--no-fund'],
  ['npm', 'run', 'build'],
];

export interface Toolchain {
  node: string;
  npm: string;
}

export function currentToolchain(): Toolchain {
  return { node: process.version, npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim() };
}

/** Source files in the archive: tracked or new in the checkout, not ignored, tests left out. */
export function sourceFiles(root: string): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...SOURCE_ROOT_FILES, ...SOURCE_FOLDERS],
    { cwd: root, encoding: 'utf8' },
  )
    .split('\n')
    .filter((f) => f !== '' && !/\.test\.tsx?$/.test(f) && !/(^|\/)fixtures\//.test(f));
  return [...new Set(listed)].sort();
}

export function sourceBuildMarkdown(version: string, tools: Toolchain): string {
  return `# Literate ${version}: building the Firefox add-on from this source

This archive holds the sources of the Literate extension (TypeScript). The build is webpack with ts-loader and
Terser; only \`npm ci\` downloads anything (the exact versions in \`package-lock.json\`).

## Requirements

- Node.js **${tools.node}** and npm **${tools.npm}**: the versions this archive was built and verified with, on Linux
- about 2 GB of disk for \`node_modules\`

## Build

From the folder this archive was unpacked into:

\`\`\`sh
${BUILD_COMMANDS.map((c) => c.join(' ')).join('\n')}
\`\`\`

\`npm ci\` installs the exact versions in \`package-lock.json\`. The add-on is then in \`dist/firefox/\` (the
Chrome build in \`dist/chrome/\`); its files are byte-for-byte those of the submitted
\`literate-firefox-${version}.zip\`. The repository proves it with \`npm run package:verify\`, which unpacks this
archive in a temporary folder, runs the two commands above and compares every file.

Unpack into a plain folder and let \`npm ci\` make \`node_modules\` there: webpack names modules by their path
relative to the project, so a \`node_modules\` linked in from elsewhere gives other module ids (same behaviour,
different bytes).

The files under \`annotations/packs/\` are the annotation packs the add-on ships, and
\`extension/icons/\` its icons. Third-party code comes only from npm packages pinned in \`package-lock.json\`.
`;
}

/** Writes dist/packages/literate-amo-source-VERSION.tar.gz (and SOURCE-BUILD.md beside it); returns its path. */
export function packSources(
  root: string,
  outDir: string,
  version: string,
  tools = currentToolchain(),
): string {
  const name = `literate-amo-source-${version}`;
  const stage = join(outDir, name);
  rmSync(stage, { recursive: true, force: true });
  for (const file of sourceFiles(root)) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(root, file), join(stage, file));
  }
  const notes = sourceBuildMarkdown(version, tools);
  writeFileSync(join(stage, 'SOURCE-BUILD.md'), notes);
  writeFileSync(join(outDir, 'SOURCE-BUILD.md'), notes);
  const archive = join(outDir, `${name}.tar.gz`);
  execFileSync(
    'tar',
    [
      '--sort=name',
      '--mtime=1980-01-01 00:00Z',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '-czf',
      archive,
      '-C',
      stage,
      '.',
    ],
    { stdio: 'inherit' },
  );
  rmSync(stage, { recursive: true, force: true });
  return archive;
}
