import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_COMMANDS, sourceBuildMarkdown, sourceFiles } from './package-sources';

const root = join(import.meta.dirname, '..');

describe('AMO source archive', () => {
  const files = sourceFiles(root);

  it('holds the build configuration, every script webpack.config.ts imports, and the extension sources', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'manifest.json',
      'LICENSE',
    ])
      expect(files).toContain(file);
    const config = readFileSync(join(root, 'webpack.config.ts'), 'utf8');
    const scripts = [...config.matchAll(/from '\.\/(scripts\/[\w-]+)'/g)].map((m) => `${m[1]}.ts`);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(files).toContain(script);
    expect(files).toContain('extension/background/index.ts');
    expect(files).toContain('extension/welcome/welcome.html');
    expect(files.some((f) => f.startsWith('extension/_locales/'))).toBe(true);
  });

  it('leaves out tests, fixtures, the CLI, the gallery and the test suites', () => {
    expect(files.filter((f) => /\.test\.tsx?$|(^|\/)fixtures\//.test(f))).toEqual([]);
    expect(files.filter((f) => /^(cli|demos|test|packages)\//.test(f))).toEqual([]);
  });

  it('documents the exact toolchain and the commands the reproduction runs', () => {
    const notes = sourceBuildMarkdown('9.9.9', { node: 'v20.20.2', npm: '11.19.1' });
    expect(notes).toContain('Node.js **v20.20.2** and npm **11.19.1**');
    expect(notes).toContain(BUILD_COMMANDS.map((c) => c.join(' ')).join('\n'));
    expect(notes).toContain('literate-firefox-9.9.9.zip');
  });
});
