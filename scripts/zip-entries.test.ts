import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipEntries } from './zip-entries';

describe('zipEntries', () => {
  it('reads back the stored and deflated files web-ext build zips, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-entries-'));
    try {
      const source = join(dir, 'src');
      mkdirSync(join(source, 'icons'), { recursive: true });
      const big = Buffer.from('abc'.repeat(10_000));
      const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
      const manifest = JSON.stringify({ manifest_version: 3, name: 'Zip test', version: '1.0.0' });
      writeFileSync(join(source, 'manifest.json'), manifest);
      writeFileSync(join(source, 'big.txt'), big);
      writeFileSync(join(source, 'icons/bytes.bin'), random);
      execFileSync(
        join(process.cwd(), 'node_modules/.bin/web-ext'),
        [
          'build',
          '--source-dir',
          source,
          '--artifacts-dir',
          join(dir, 'out'),
          '--no-input',
          '--filename',
          'x.zip',
        ],
        { stdio: 'ignore' },
      );
      const files = zipEntries(readFileSync(join(dir, 'out/x.zip')));
      expect([...files.keys()].sort()).toEqual(['big.txt', 'icons/bytes.bin', 'manifest.json']);
      expect(files.get('big.txt')!.equals(big)).toBe(true);
      expect(files.get('icons/bytes.bin')!.equals(random)).toBe(true);
      expect(files.get('manifest.json')!.toString()).toBe(manifest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not a zip', () => {
    expect(() => zipEntries(Buffer.from('not a zip at all, just some text that is long enough'))).toThrow(
      /not a zip archive/,
    );
  });
});
