import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveLayersModel } from '../../demos/models/model-files';
import { makePack, pointsModel, sidesModel } from './test-support';
import type { Annotation, Pack } from '../../annotations/format/types';
import type { CliIo } from '../literate/io';
import { run } from '../literate/main';
import { loadModel, loadTf } from './tf-models';

const dir = mkdtempSync(join(tmpdir(), 'literate-check-'));
const repo = (path: string): string => new URL(`../../${path}`, import.meta.url).pathname;
let fingerprint = '';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const cli: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    read: async (source) => readFileSync(source, 'utf8'),
    write: async (path, text) => {
      written[path] = text;
    },
  };
  return { cli, out, err, written };
}

const item = (id: string, kind: 'example' | 'check', body: object, node?: string): Partial<Annotation> =>
  ({
    id,
    kind,
    body,
    ...(node ? { target: { model: { type: 'ModelNodeSelector', node } } } : {}),
  }) as Partial<Annotation>;

function writePack(name: string, pack: Pack): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

function pointsPack(claims: { params: number; top1: string; fingerprint: string }): Pack {
  return makePack(
    [{ alias: 'p', labels: ['a', 'b', 'c'], fingerprint: claims.fingerprint, structure: { params: 9 } }],
    [
      item('ex-a', 'example', { input: { tensor: [[2, 0]] }, expected: { top1: claims.top1 } }),
      item('ex-canvas', 'example', { input: { element: '#canvas' } }),
      item('params', 'check', { check: 'params', expected: claims.params }),
      item('fingerprint', 'check', { check: 'fingerprint', expected: claims.fingerprint }),
      item(
        'softmax',
        'check',
        { check: 'sums-to', examples: ['ex-a'], claim: 'The probabilities add up to $1$.' },
        'probs',
      ),
      item('top1', 'check', { check: 'top1', example: 'ex-a' }),
    ],
  );
}

beforeAll(async () => {
  const tf = await loadTf();
  await saveLayersModel(pointsModel(tf), join(dir, 'points'));
  await saveLayersModel(sidesModel(tf), join(dir, 'sides'));
  fingerprint = (await loadModel(tf, join(dir, 'points'), 'm1')).graph.fingerprint;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('literate pack check', () => {
  it('exits 0 when every claim holds; element examples are skipped, not failed', async () => {
    const pack = writePack('good.json', pointsPack({ params: 9, top1: 'a', fingerprint }));
    const { cli, out } = io();
    expect(await run(['pack', 'check', pack, '--model', join(dir, 'points', 'model.json')], cli)).toBe(0);
    expect(out).toContain("PASS ex-a — top-1 'a' (0.867), as claimed");
    expect(out.find((l) => l.startsWith('SKIP ex-canvas — '))).toMatch(/needs the page/);
    expect(out).toContain('PASS params — total params: as claimed');
    expect(out).toContain('  p (m1): current — fingerprint matches; every anchor resolves');
    expect(out).toContain('Summary: 5 passed, 0 failed, 1 could not run.');
    expect(out.at(-1)).toMatch(/do not fail the check; 1 need the page/);
  });

  it('exits 1 on false claims and a swapped model, with the reasons', async () => {
    const pack = writePack('wrong.json', pointsPack({ params: 12, top1: 'b', fingerprint }));
    const { cli, out } = io();
    expect(await run(['pack', 'check', pack, '--model', `p=${join(dir, 'points')}`], cli)).toBe(1);
    expect(out).toContain("FAIL ex-a — top-1 'a' (0.867) vs claimed 'b'");
    expect(out).toContain('FAIL params — total params: claimed 12, found 9');
    expect(out).toContain("FAIL top1 — ex-a: top-1 'a' (0.867) vs claimed 'b'");

    const swapped = io();
    expect(await run(['pack', 'check', pack, '--model', join(dir, 'sides')], swapped.cli)).toBe(1);
    const text = swapped.out.join('\n');
    expect(text).toMatch(
      /^FAIL fingerprint — model fingerprint: claimed "[0-9a-f]{64}", found "[0-9a-f]{64}"$/m,
    );
    expect(text).toMatch(
      /^ {2}p \(m1\): STALE — fingerprint differs \(pack [0-9a-f]{12}…, model [0-9a-f]{12}…\); 1 structure constraint fails$/m,
    );
    expect(text).toContain('    - structure: the model has 34 params, not 9');
    expect(text).toContain("SKIP ex-a — the example's tensor is [1, 2]; the model takes [any, 4, 4, 1]");
  });

  it('writes a self-contained HTML report and JSON on request', async () => {
    const pack = writePack('report.json', pointsPack({ params: 12, top1: 'a', fingerprint }));
    const { cli, out, written, err } = io();
    const report = join(dir, 'report.html');
    expect(
      await run(
        [
          'pack',
          'check',
          pack,
          '-m',
          join(dir, 'points'),
          '--report',
          report,
          '--json',
          '--timeout-ms',
          '4000',
        ],
        cli,
      ),
    ).toBe(1);
    const json = JSON.parse(out.join('\n'));
    expect(json.summary).toEqual({ pass: 4, fail: 1, couldNotRun: 1, ran: 0 });
    const html = written[report] ?? '';
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<td class="id">params</td><td><span class="status fail">fail</span>');
    expect(html).toContain('<math'); // the claim's TeX, rendered as MathML by the safe renderer
    expect(html).not.toMatch(
      /<script(?! type="application\/json" id="literate-report-data">)|https?:\/\/(?!www\.w3\.org)[^"<]*\.(js|css|png|woff)/,
    );
    expect(html.match(/<script/g)).toHaveLength(1); // the inert data block only
    expect(err.join('\n')).toContain(`report written to ${report}`);
  });

  it('exits 2 on usage and I/O errors, 1 on an invalid pack', async () => {
    const good = writePack('good2.json', pointsPack({ params: 9, top1: 'a', fingerprint }));
    const cases: [string[], RegExp][] = [
      [['pack', 'check', good], /needs --model for the pack's model \(p\)/],
      [['pack', 'check', good, '--model', `q=${join(dir, 'points')}`], /no model alias 'q' \(aliases: p\)/],
      [
        ['pack', 'check', good, '--model', join(dir, 'missing')],
        /cannot load model .*missing: .*no such file/,
      ],
      [['pack', 'check', good, '--model', dir], /no model\.json in this folder/],
      [['pack', 'check', good, '--model', join(dir, 'points'), '--timeout-ms', 'soon'], /--timeout-ms needs/],
      [['pack', 'check'], /exactly one PACK/],
    ];
    for (const [argv, message] of cases) {
      const { cli, err } = io();
      expect(await run(argv, cli), argv.join(' ')).toBe(2);
      expect(err.join('\n')).toMatch(message);
    }
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, '{"type": "AnnotationCollection"}');
    const { cli, err } = io();
    expect(await run(['pack', 'check', invalid, '--model', join(dir, 'points')], cli)).toBe(1);
    expect(err.join('\n')).toMatch(/invalid pack/);
  });

  it('binds unaliased models to a several-model pack by their constraints', async () => {
    const pack = writePack(
      'two.json',
      makePack(
        [
          { alias: 'p', structure: { params: 9 } },
          { alias: 's', structure: { params: 34 } },
        ],
        [
          {
            id: 'p-params',
            kind: 'check',
            body: { check: 'params', expected: 9 },
            target: { model: { type: 'ModelNodeSelector', model: 'p' } },
          },
          {
            id: 's-params',
            kind: 'check',
            body: { check: 'params', expected: 34 },
            target: { model: { type: 'ModelNodeSelector', model: 's' } },
          },
        ] as Partial<Annotation>[],
      ),
    );
    const { cli, out } = io();
    expect(
      await run(['pack', 'check', pack, '--model', join(dir, 'sides'), '--model', join(dir, 'points')], cli),
    ).toBe(0);
    expect(out).toContain(
      '  p (m2): current — no fingerprint to compare; structure holds and every anchor resolves',
    );
    expect(out).toContain(
      '  s (m1): current — no fingerprint to compare; structure holds and every anchor resolves',
    );
    const twice = io();
    expect(
      await run(
        ['pack', 'check', pack, '--model', join(dir, 'points'), '--model', join(dir, 'points')],
        twice.cli,
      ),
    ).toBe(2);
    expect(twice.err.join('\n')).toMatch(/cannot tell which alias .*points is for/);
  });

  it('reads the pack and the model over HTTP', async () => {
    writePack('served.json', pointsPack({ params: 9, top1: 'a', fingerprint }));
    const server = createServer((request, response) => {
      try {
        response.end(
          readFileSync(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))),
        );
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const nodeRead = async (source: string) => (await fetch(source)).text();
      const { cli, out } = io();
      cli.read = nodeRead;
      expect(
        await run(['pack', 'check', `${base}/served.json`, '--model', `${base}/points/model.json`], cli),
      ).toBe(0);
      expect(out).toContain('Summary: 5 passed, 0 failed, 1 could not run.');
      const missing = io();
      missing.cli.read = nodeRead;
      expect(
        await run(
          ['pack', 'check', `${base}/served.json`, '--model', `${base}/nope/model.json`],
          missing.cli,
        ),
      ).toBe(2);
      expect(missing.err.join('\n')).toMatch(/HTTP 404/);
    } finally {
      server.close();
    }
  });

  it('checks shipped gallery packs against the committed models (tensor and picture examples)', async () => {
    for (const [pack, model] of [
      ['legacy-spiral', 'spiral-mlp'],
      ['draw-shapes', 'shapes-cnn'],
      ['decision-regions', 'point-regions'], // a graph model
    ]) {
      const { cli, out } = io();
      const code = await run(
        ['pack', 'check', repo(`annotations/packs/${pack}.json`), '--model', repo(`demos/models/${model}`)],
        cli,
      );
      expect(
        out.filter((l) => /^(FAIL|SKIP)/.test(l)),
        pack,
      ).toEqual([]);
      expect(code, pack).toBe(0);
      expect(out.some((l) => /^PASS check-fingerprint/.test(l))).toBe(true);
    }
  }, 60_000);
});
