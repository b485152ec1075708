import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bumpVersion, releaseChangelog, replaceVersionFields } from './bump-version';

describe('version bump', () => {
  it('replaces only the first version fields, keeping the formatting', () => {
    const text = '{\n  "name": "x",\n  "version": "0.1.0",\n  "deps": { "a": { "version": "0.1.0" } }\n}\n';
    expect(replaceVersionFields(text, '0.2.0')).toBe(
      '{\n  "name": "x",\n  "version": "0.2.0",\n  "deps": { "a": { "version": "0.1.0" } }\n}\n',
    );
  });

  it('turns Unreleased into the dated release and keeps an empty Unreleased above it', () => {
    const text = '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a thing\n\n## [0.1.0] - 2026-11-01\n';
    expect(releaseChangelog(text, '0.2.0', '2026-12-05')).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-05\n\n### Added\n\n- a thing\n\n## [0.1.0] - 2026-11-01\n',
    );
    expect(() => releaseChangelog(text, '0.1.0', '2026-12-05')).toThrow(/already has a section/);
  });

  it('bumps the repository, its lock, the manifest and the CLI package together', () => {
    const root = join(import.meta.dirname, '..');
    const dir = mkdtempSync(join(tmpdir(), 'bump-'));
    try {
      mkdirSync(join(dir, 'packages/cli'), { recursive: true });
      for (const f of [
        'package.json',
        'package-lock.json',
        'manifest.json',
        'packages/cli/package.json',
        'CHANGELOG.md',
      ])
        cpSync(join(root, f), join(dir, f));
      const lockBefore = readFileSync(join(dir, 'package-lock.json'), 'utf8');
      expect(bumpVersion(dir, '9.8.7', '2030-01-02')).toHaveLength(5);
      const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
      expect(read('package.json').version).toBe('9.8.7');
      expect(read('manifest.json').version).toBe('9.8.7');
      expect(read('packages/cli/package.json').version).toBe('9.8.7');
      const lock = read('package-lock.json');
      expect([lock.version, lock.packages[''].version]).toEqual(['9.8.7', '9.8.7']);
      // Nothing else in the lock moved: the same text once the two fields are put back.
      const before = lockBefore.split('\n');
      const after = readFileSync(join(dir, 'package-lock.json'), 'utf8').split('\n');
      expect(after.filter((line, i) => line !== before[i])).toHaveLength(2);
      expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toMatch(
        /## \[Unreleased\]\n\n## \[9\.8\.7\] - 2030-01-02\n/,
      );
      writeFileSync(join(dir, 'x'), '');
      expect(() => bumpVersion(dir, 'next', '2030-01-02')).toThrow(/not a semantic version/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
