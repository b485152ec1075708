// `literate pack check` on ONNX models: the shipped ONNX packs pass against the committed .onnx files (run on ONNX
// Runtime Web in Node, tf.js never loaded), and a wrong claim fails with exit code 1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../literate/io';
import { run } from '../literate/main';
import type { Pack } from '../../annotations/format/types';

const repo = (path: string): string => new URL(`../../${path}`, import.meta.url).pathname;

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

describe('literate pack check on ONNX models', () => {
  it.each([
    ['onnx-image', 'demos/onnx-models/shapes-cnn-onnx/model.onnx', 19, 5],
    ['onnx-text', 'demos/onnx-models/sentiment-tiny/onnx/model.onnx', 14, 6],
  ])('%s: every check passes and every example runs', async (name, model, checks, examples) => {
    const { cli, out, err } = io();
    const code = await run(
      ['pack', 'check', repo(`annotations/packs/${name}.json`), '--model', repo(model)],
      cli,
    );
    expect(err.join('\n')).not.toMatch(/error/i);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`Summary: ${checks + examples} passed, 0 failed, 0 could not run.`);
    expect(examples).toBeGreaterThan(0);
  });

  it('a wrong claim about an ONNX model fails, naming it', async () => {
    const pack = JSON.parse(readFileSync(repo('annotations/packs/onnx-image.json'), 'utf8')) as Pack;
    for (const a of pack.items)
      if (a.kind === 'example' && a.id === 'example-star') a.body.expected = { top1: 'ring' };
    const { cli, out } = io({ 'wrong.json': JSON.stringify(pack) });
    const code = await run(
      ['pack', 'check', 'wrong.json', '--model', repo('demos/onnx-models/shapes-cnn-onnx/model.onnx')],
      cli,
    );
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/example-star/);
  });
});
