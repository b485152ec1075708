// Writes THIRD-PARTY-LICENSES.txt beside a bundle: the name, version, license and license text of every npm package
// webpack put into it (the published CLI bundles its dependencies, so their notices must travel with it).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import webpack from 'webpack';

interface BundledPackage {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** `/x/node_modules/@scope/name/lib/a.js` → `/x/node_modules/@scope/name` (the innermost package folder). */
export function packageRoot(resource: string): string | null {
  const marker = `${sep}node_modules${sep}`;
  const at = resource.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = resource.slice(at + marker.length).split(sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return null;
  return resource.slice(0, at + marker.length) + rest.slice(0, depth).join(sep);
}

function readPackage(root: string): BundledPackage {
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string;
  };
  const file = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  const text = file
    ? readFileSync(join(root, file), 'utf8').trim()
    : `License: ${json.license ?? 'see package'}`;
  return { name: json.name, version: json.version, license: json.license ?? 'UNKNOWN', text };
}

export function licenseNotice(packages: BundledPackage[]): string {
  const header = 'The literate CLI bundles the following npm packages. Their licenses and notices follow.\n';
  return (
    header +
    packages
      .map(
        (p) => `\n${'='.repeat(78)}\n${p.name}@${p.version} (${p.license})\n${'='.repeat(78)}\n\n${p.text}\n`,
      )
      .join('')
  );
}

export class BundledLicensesPlugin {
  constructor(private readonly fileName = 'THIRD-PARTY-LICENSES.txt') {}

  apply(compiler: webpack.Compiler): void {
    compiler.hooks.thisCompilation.tap('BundledLicenses', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BundledLicenses', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const roots = new Set<string>();
          for (const module of compilation.modules) {
            const resource = (module as webpack.NormalModule).resource;
            const root = typeof resource === 'string' ? packageRoot(resource) : null;
            if (root && existsSync(join(root, 'package.json'))) roots.add(root);
          }
          const packages = [...roots].map(readPackage).sort((a, b) => a.name.localeCompare(b.name));
          compilation.emitAsset(this.fileName, new webpack.sources.RawSource(licenseNotice(packages)));
        },
      );
    });
  }
}
