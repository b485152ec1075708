// The audit commands end to end in Node: keys, signing and verifying (another key is flagged), weights digests, a
// pack pinned to a weights digest going stale on a model with one weight changed, and reports that verify — unless
// a result, a digest or the model was changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveLayersModel } from '../../demos/models/model-files';
import { DIFFERENT_WEIGHTS } from '../../annotations/checks/staleness';
import type { Annotation, Pack } from '../../annotations/format/types';
import { extractReportData, reportDigest, type ReportData } from '../../annotations/report/report-data';
import { makePack, pointsModel } from '../check/test-support';
import { loadModel, loadTf } from '../check/tf-models';
import { digestFromFiles } from '../check/weights-digest';
import type { CliIo } from './io';
import { run } from './main';

const dir = mkdtempSync(join(tmpdir(), 'literate-audit-'));
let digest = '';
let fingerprint = '';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    read: async (source) => readFileSync(source, 'utf8'),
    write: async (path, text) => writeFileSync(path, text),
  };
  return { cli, out, err, text: () => out.join('\n') };
}

const item = (id: string, kind: 'example' | 'check', body: object, node?: string): Partial<Annotation> =>
  ({
    id,
    kind,
    body,
    ...(node ? { target: { model: { type: 'ModelNodeSelector', node } } } : {}),
  }) as Partial<Annotation>;

function pinnedPack(weightsDigest: string): Pack {
  return makePack(
    [{ alias: 'p', labels: ['a', 'b', 'c'], fingerprint, weightsDigest }],
    [
      item('ex-a', 'example', { input: { tensor: [[2, 0]] }, expected: { top1: 'a' } }),
      item('ex-b', 'example', { input: { tensor: [[0, 2]] }, expected: { top1: 'b' } }),
      item('params', 'check', { check: 'params', expected: 9 }),
      item('softmax', 'check', { check: 'sums-to', examples: ['ex-a', 'ex-b'] }, 'probs'),
      item('top1', 'check', { check: 'top1', example: 'ex-a' }),
    ],
  );
}

const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

beforeAll(async () => {
  const tf = await loadTf();
  await saveLayersModel(pointsModel(tf), join(dir, 'points'));
  // The same model with one weight changed: logits kernel [0][0] 1 → 1.001.
  const changed = pointsModel(tf);
  changed.getLayer('logits').setWeights([
    tf.tensor2d([
      [1.001, 0, -1],
      [0, 1, -1],
    ]),
    tf.zeros([3]),
  ]);
  await saveLayersModel(changed, join(dir, 'changed'));
  digest = (await digestFromFiles(tf, join(dir, 'points'))).digest;
  fingerprint = (await loadModel(tf, join(dir, 'points'), 'm1')).graph.fingerprint;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('literate weights digest', () => {
  it('prints the digest of the files; one changed weight gives another, and --list names it', async () => {
    const a = io();
    expect(await run(['weights', 'digest', join(dir, 'points')], a.cli)).toBe(0);
    expect(a.out[0]).toBe(digest);
    const b = io();
    expect(await run(['weights', 'digest', join(dir, 'changed'), '--list'], b.cli)).toBe(0);
    expect(b.out[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(b.out[0]).not.toBe(digest);
    const c = io();
    await run(['weights', 'digest', join(dir, 'points'), '--list'], c.cli);
    const changedLines = b.out.slice(1).filter((l) => !c.out.includes(l));
    expect(changedLines).toHaveLength(1);
    expect(changedLines[0]).toMatch(/logits\/kernel$/);
  });
});

describe('a pack pinned to a weights digest', () => {
  it('is current on its model and stale, "same architecture, different weights", on the changed one', async () => {
    const pack = write('pinned.json', pinnedPack(digest));
    const good = io();
    expect(await run(['pack', 'check', pack, '--model', join(dir, 'points')], good.cli)).toBe(0);
    expect(good.text()).toContain('weights digest matches');
    const bad = io();
    expect(await run(['pack', 'check', pack, '--model', join(dir, 'changed')], bad.cli)).toBe(1);
    expect(bad.text()).toContain(DIFFERENT_WEIGHTS);
    expect(bad.text()).toMatch(/STALE/);
  });
});

describe('literate report verify', () => {
  let reportPath = '';
  let html = '';
  beforeAll(async () => {
    const pack = write('report-pack.json', pinnedPack(digest));
    reportPath = join(dir, 'report.html');
    const c = io();
    expect(
      await run(['pack', 'check', pack, '--model', join(dir, 'points'), '--report', reportPath], c.cli),
    ).toBe(0);
    html = readFileSync(reportPath, 'utf8');
  }, 60_000);

  const data = (): ReportData => extractReportData(html) as ReportData;
  /** The report with its embedded data changed by `edit`, the seal recomputed or not. */
  const tampered = (name: string, edit: (d: ReportData) => void, reseal: boolean): string => {
    const d = data();
    edit(d);
    if (reseal) d.digest = reportDigest(d);
    const json = JSON.stringify(d).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    return write(
      name,
      html.replace(
        /(<script type="application\/json" id="literate-report-data">)[\s\S]*?(<\/script>)/,
        `$1${json}$2`,
      ),
    );
  };

  it('states the pack digest, fingerprint, weights digest, runtime and every result, sealed', () => {
    const d = data();
    expect(d.digest).toBe(reportDigest(d));
    expect(d.run.models[0]?.fingerprint).toBe(fingerprint);
    expect(d.run.models[0]?.weights?.digest).toBe(digest);
    expect(d.environment.backend).toBe('cpu');
    expect(d.environment.browser).toMatch(/^Node v/);
    expect(html).toContain(d.pack.digest);
    expect(html).toContain(digest);
    expect(d.run.examples.length + d.run.checks.length).toBe(5);
  });

  it('verifies an untouched report on its model: intact, digests match, every result reproduced', async () => {
    const v = io();
    expect(await run(['report', 'verify', reportPath, '--model', join(dir, 'points')], v.cli)).toBe(0);
    expect(v.text()).toContain('VERIFIED');
    expect(v.text()).toMatch(/5 reproduced, 0 do not/);
  });

  it('catches an edited result: by the seal, and by the re-run when the seal was recomputed', async () => {
    const flip = (d: ReportData) => {
      const c = d.run.checks.find((x) => x.id === 'params')!;
      c.status = 'fail';
      c.observed = 10;
    };
    const naive = io();
    const p1 = tampered('t1.html', flip, false);
    expect(await run(['report', 'verify', p1, '--model', join(dir, 'points')], naive.cli)).toBe(1);
    expect(naive.text()).toMatch(/report digest does not match/);
    const clever = io();
    const p2 = tampered('t2.html', flip, true);
    expect(await run(['report', 'verify', p2, '--model', join(dir, 'points')], clever.cli)).toBe(1);
    expect(clever.text()).toContain('report digest intact');
    expect(clever.text()).toMatch(/DIFFERS +check params — reported fail, re-run pass/);
  });

  it('catches an edited weights digest, and a model with one weight changed', async () => {
    const p = tampered('t3.html', (d) => (d.run.models[0]!.weights!.digest = '0'.repeat(64)), true);
    const v = io();
    expect(await run(['report', 'verify', p, '--model', join(dir, 'points')], v.cli)).toBe(1);
    expect(v.text()).toMatch(/p: weights digest DIFFERS/);
    const w = io();
    expect(await run(['report', 'verify', reportPath, '--model', join(dir, 'changed')], w.cli)).toBe(1);
    expect(w.text()).toMatch(/weights digest DIFFERS/);
    expect(w.text()).toContain('NOT VERIFIED');
  });
});

describe('literate key / pack sign / pack verify', () => {
  it('signs with a new key; verify passes, an edit breaks it, another key is flagged', async () => {
    const k1 = join(dir, 'k1.json');
    const k2 = join(dir, 'k2.json');
    const a = io();
    expect(await run(['key', 'new', '-o', k1, '--signer', 'Ada'], a.cli)).toBe(0);
    const keyId = /key id (ed25519:[0-9a-f]{16})/.exec(a.err.join('\n'))?.[1];
    expect(keyId).toBeTruthy();
    expect(await run(['key', 'new', '-o', k2], io().cli)).toBe(0);
    expect(await run(['key', 'new', '-o', k1], io().cli)).toBe(2); // never overwrites a key
    const pack = write('to-sign.json', pinnedPack(digest));
    const unsigned = io();
    expect(await run(['pack', 'verify', pack], unsigned.cli)).toBe(1);
    expect(unsigned.text()).toContain('unsigned');

    const signed = join(dir, 'signed.json');
    expect(await run(['pack', 'sign', pack, '--key', k1, '-o', signed], io().cli)).toBe(0);
    const ok = io();
    expect(await run(['pack', 'verify', signed, '--key-id', keyId!], ok.cli)).toBe(0);
    expect(ok.text()).toContain(`signed by “Ada” (key ${keyId})`);
    expect(await run(['pack', 'validate', signed], io().cli)).toBe(0);

    // Re-indented and keys reordered: still valid (the canonical bytes are signed, not the file's layout).
    const value = JSON.parse(readFileSync(signed, 'utf8')) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(value).reverse());
    expect(await run(['pack', 'verify', write('reordered.json', JSON.stringify(reordered))], io().cli)).toBe(
      0,
    );

    const edited = io();
    expect(
      await run(['pack', 'verify', write('edited.json', { ...value, version: '9.9.9' })], edited.cli),
    ).toBe(1);
    expect(edited.text()).toContain('signature broken');

    const other = join(dir, 'other.json');
    expect(await run(['pack', 'sign', pack, '--key', k2, '-o', other], io().cli)).toBe(0);
    const flagged = io();
    expect(await run(['pack', 'verify', other, '--key-id', keyId!], flagged.cli)).toBe(1);
    expect(flagged.text()).toContain(`signed by another key than ${keyId}`);
    // Another key's signature pasted onto the first pack's content: broken.
    const spliced = {
      ...value,
      signature: {
        ...(value.signature as object),
        publicKey: (JSON.parse(readFileSync(other, 'utf8')) as { signature: { publicKey: string } }).signature
          .publicKey,
      },
    };
    const s = io();
    expect(await run(['pack', 'verify', write('spliced.json', spliced)], s.cli)).toBe(1);
    expect(s.text()).toContain('signature broken');
  });
});
