// The weights digest of ONNX files through the CLI: `literate weights digest x.onnx` prints what the shared code
// computes, and `literate pack check --model x.onnx` holds a pack to a pinned weightsDigest (stale when it differs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../annotations/format/types';
import type { CliIo } from '../literate/io';
import { run } from '../literate/main';
import { digestOnnxSource } from './onnx-weights-digest';

const repo = (path: string): string => new URL(`../../${path}`, import.meta.url).pathname;
const MODEL = repo('demos/onnx-models/shapes-cnn-onnx/model.onnx');

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    read: async (source) => files[source] ?? readFileSync(source, 'utf8'),
    write: async () => undefined,
  };
  return { cli, out, err };
}

describe('the CLI on ONNX weights digests', () => {
  it('literate weights digest x.onnx prints the digest and lists the initializers', async () => {
    const expected = await digestOnnxSource(MODEL);
    const { cli, out, err } = io();
    expect(await run(['weights', 'digest', MODEL, '--list'], cli)).toBe(0);
    expect(out[0]).toBe(expected.digest);
    // 19 254 float32 parameters (demos/onnx-models/README.md), 4 bytes each.
    expect(err.join('\n')).toMatch(new RegExp(`^8 weights, ${19_254 * 4} bytes, hashed in`));
    expect(out.slice(1).map((l) => l.split('  ').pop())).toEqual(expected.entries.map((e) => e.name));
    expect(out.some((l) => l.includes('float32 [16, 3, 3, 3]  conv1.weight'))).toBe(true);
  });

  it('pack check binds a pinned weightsDigest on an ONNX model: equal holds, another is stale', async () => {
    const { digest } = await digestOnnxSource(MODEL);
    const pack = JSON.parse(readFileSync(repo('annotations/packs/onnx-image.json'), 'utf8')) as Pack;
    const pinned = (d: string) => {
      const copy = structuredClone(pack);
      copy.targets.models[0]!.weightsDigest = d;
      return JSON.stringify(copy);
    };
    const same = io({ 'same.json': pinned(digest) });
    expect(await run(['pack', 'check', 'same.json', '--model', MODEL], same.cli)).toBe(0);
    const other = `${digest[0] === '0' ? '1' : '0'}${digest.slice(1)}`;
    const wrong = io({ 'other.json': pinned(other) });
    expect(await run(['pack', 'check', 'other.json', '--model', MODEL], wrong.cli)).toBe(1);
    expect(wrong.out.join('\n')).toContain(`weights digest: pack ${other}, model ${digest}`);
  });
});
