// `npm run version:bump -- 0.3.0`: one version for everything that ships — package.json and its lock, manifest.json,
// the CLI package (packages/cli) — and the CHANGELOG's Unreleased section becomes that release, dated today.
// Text edits only (each file keeps its formatting); every file is checked by parsing it again.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** Replaces the first `count` `"version": "…"` fields of a JSON text, keeping everything else byte for byte. */
export function replaceVersionFields(text: string, version: string, count = 1): string {
  let left = count;
  return text.replace(/("version"\s*:\s*)"[^"]*"/g, (field, head: string) =>
    left-- > 0 ? `${head}"${version}"` : field,
  );
}

/** `## [Unreleased]` keeps its place (empty) and its entries move under `## [version] - date`. */
export function releaseChangelog(text: string, version: string, date: string): string {
  const heading = /^## \[Unreleased\][^\n]*\n/m;
  if (!heading.test(text)) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (text.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  return text.replace(heading, (line) => `${line}\n## [${version}] - ${date}\n`);
}

export function bumpVersion(root: string, version: string, date: string): string[] {
  if (!SEMVER.test(version)) throw new Error(`${version} is not a semantic version (like 0.3.0)`);
  const edits: [path: string, fields: number, check: (json: Record<string, unknown>) => unknown[]][] = [
    ['package.json', 1, (j) => [j.version]],
    [
      'package-lock.json',
      2,
      (j) => [j.version, (j.packages as Record<string, { version: string }>)['']?.version],
    ],
    ['manifest.json', 1, (j) => [j.version]],
    ['packages/cli/package.json', 1, (j) => [j.version]],
  ];
  const written: string[] = [];
  for (const [path, fields, check] of edits) {
    const file = join(root, path);
    const next = replaceVersionFields(readFileSync(file, 'utf8'), version, fields);
    const values = check(JSON.parse(next) as Record<string, unknown>);
    if (values.some((v) => v !== version))
      throw new Error(`${path}: the version fields are not where expected`);
    writeFileSync(file, next);
    written.push(path);
  }
  const changelog = join(root, 'CHANGELOG.md');
  writeFileSync(changelog, releaseChangelog(readFileSync(changelog, 'utf8'), version, date));
  written.push('CHANGELOG.md');
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = process.argv[2];
  if (!version) {
    console.error('usage: npm run version:bump -- X.Y.Z');
    process.exit(2);
  }
  const written = bumpVersion(process.cwd(), version, new Date().toISOString().slice(0, 10));
  console.log(`${version}: ${written.join(', ')}`);
  console.log(
    'Then: npm run build && npm run package && npm run package:verify (see CHANGELOG.md, "Releasing").',
  );
}
