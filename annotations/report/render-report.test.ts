// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeInputSource } from '../../cli/check/image-source';
import { runPack } from '../checks/run-pack';
import { makePack, pointsModel, testModel, type TestModel } from '../../cli/check/test-support';
import type { PackRunResult } from '../checks/types';
import type { Annotation, Pack } from '../format/types';
import type { RenderWindow } from '../render/sanitize';
import { XSS_CORPUS } from '../render/xss-corpus';
import { renderReport, REPORT_CSP } from './render-report';
import { REPORT_DATA_ID } from './report-data';

let points: TestModel;
beforeAll(async () => {
  points = await testModel(pointsModel);
}, 60_000);

const win = window as unknown as RenderWindow;
const meta = {
  pageUrl: 'https://demo.example/points/',
  generatedAt: '2026-11-26T10:00:00.000Z',
  toolVersion: 'literate 0.1.0',
};

function packWith(text: string, labels = ['a', 'b', 'c']): Pack {
  return makePack([{ alias: 'p', labels, fingerprint: points.graph.fingerprint }], [
    {
      id: 'ex-a',
      kind: 'example',
      body: { input: { tensor: [[2, 0]] }, expected: { top1: labels[0] }, caption: text },
    },
    { id: 'params', kind: 'check', body: { check: 'params', expected: 10, claim: text } },
    { id: 'sums', kind: 'check', body: { check: 'sums-to', claim: `Sums to $\\sum_i p_i = 1$. ${text}` } },
    { id: 'top1', kind: 'check', body: { check: 'top1', example: 'ex-a', expected: 2 } },
  ] as Partial<Annotation>[]);
}

const runOn = (pack: Pack): Promise<PackRunResult> =>
  runPack(pack, new Map([['p', points.graph]]), new Map([['p', points.runner]]), nodeInputSource);

/** What in a report could run, load or navigate; empty when inert. */
function live(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.localName;
    // The one inert data block (JSON is never run; the CSP forbids scripts anyway): allowed, nothing else is.
    const dataBlock =
      tag === 'script' &&
      element.getAttribute('type') === 'application/json' &&
      element.id === REPORT_DATA_ID &&
      element.attributes.length === 2;
    if (dataBlock) continue;
    if (
      ['script', 'iframe', 'object', 'embed', 'base', 'form', 'link', 'frame', 'applet', 'portal'].includes(
        tag,
      )
    )
      found.push(`<${tag}>`);
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh')
      found.push('meta refresh');
    for (const { name, value } of [...element.attributes]) {
      if (name.startsWith('on')) found.push(`${tag} ${name}`);
      // A plain https link only navigates when clicked; anything else that loads or runs is a finding.
      const link = tag === 'a' && name === 'href' && /^https?:\/\/\S+$/i.test(value);
      const loads = ['src', 'href', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster'];
      const inline =
        tag === 'img' && name === 'src' && /^data:image\/(png|jpeg|gif|webp);base64,/.test(value);
      if (loads.includes(name) && !link && !inline) found.push(`${tag} ${name}=${value}`);
      if (name === 'style') found.push(`${tag} style`);
    }
  }
  const csp = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (csp?.getAttribute('content') !== REPORT_CSP) found.push('no CSP');
  return found;
}

describe('renderReport', () => {
  it('lists every example and check with its status, fingerprints, staleness and summary', async () => {
    const pack = packWith('The centre is *a*.');
    const result = await runOn(pack);
    const html = renderReport(pack, result, meta, { window: win });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const status = (id: string) => doc.querySelector(`tr#${id} .status`)?.textContent;
    expect(status('example-ex-a')).toBe('pass');
    expect(status('check-params')).toBe('fail');
    expect(status('check-sums')).toBe('pass');
    expect(status('check-top1')).toBe('fail');
    expect(doc.querySelector('tr#check-params')?.textContent).toContain('total params: claimed 10, found 9');
    expect(doc.querySelector('tr#check-top1')?.textContent).toMatch(
      /top-1 'a' \(0\.867\) vs claimed class 2 \('c'\)/,
    );
    expect(doc.querySelector('tr#example-ex-a em')?.textContent).toBe('a'); // caption Markdown rendered
    expect(doc.querySelector('tr#check-sums math')).not.toBeNull(); // TeX as MathML
    expect(html).toContain(points.graph.fingerprint);
    expect(doc.body.textContent).toContain('https://demo.example/points/');
    expect(doc.body.textContent).toContain(`tf.js${points.graph.tfjsVersion} backend cpu`);
    expect(doc.body.textContent).toMatch(/p — current: fingerprint matches; every anchor resolves/);
    expect(doc.querySelector('.summary')?.textContent).toMatch(
      /Some claims do not hold.*2 passed.*2 failed.*0 could not run/s,
    );
    expect(doc.body.textContent).toContain(`${result.startedAt} – ${result.finishedAt}`);
    expect(live(html)).toEqual([]);
  });

  it('says how the page notes stood: placed, about hidden parts, unplaced and for other pages, escaped', async () => {
    const pack = packWith('x');
    const html = renderReport(pack, await runOn(pack), {
      ...meta,
      pageNotes: {
        placed: 3,
        hidden: [{ id: 'page-video', reason: 'its element is hidden on this page (display: none)' }],
        orphans: [{ id: '<b>x</b>', reasons: ["page: no element matches CSS '#gone'"] }],
        elsewhere: 2,
      },
    });
    const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    expect(text).toContain(
      "3 placed; 1 about parts of the page not shown: page-video (its element is hidden on this page (display: none)); 1 could not be placed: <b>x</b> (page: no element matches CSS '#gone'); 2 for the pack's other pages",
    );
    expect(html).not.toContain('<b>x</b>');
    expect(renderReport(pack, await runOn(pack), meta)).not.toContain('Page notes');
  });

  it('shows prose as text when no DOM is at hand', async () => {
    const pack = packWith('The centre is *a*.');
    const html = renderReport(pack, await runOn(pack), meta);
    expect(html).toContain('<p>The centre is *a*.</p>');
  });

  it('reports a stale model plainly', async () => {
    const pack = packWith('x');
    const result = await runOn(pack);
    const stale = {
      ...result,
      staleness: {
        stale: true,
        models: [
          {
            ...result.staleness.models[0]!,
            stale: true,
            fingerprintMatches: false,
            expectedFingerprint: 'f'.repeat(64),
            orphans: [{ id: 'n1', kind: 'note', reason: 'no node named conv9' }],
            structureFailures: ['has 8 params, not 9'],
            summary: 'fingerprint differs',
          },
        ],
      },
    };
    const text =
      new DOMParser().parseFromString(renderReport(pack, stale, meta), 'text/html').body.textContent ?? '';
    expect(text).toContain(`the pack names ${'f'.repeat(64)}, the model is ${points.graph.fingerprint}`);
    expect(text).toContain('structure: the model has 8 params, not 9');
    expect(text).toContain('n1 (note) no longer applies: no node named conv9');
  });

  it('keeps every XSS payload inert in every pack field, label and message', async () => {
    const basePack = packWith('x');
    const base = await runOn(basePack);
    for (const { category, payload } of XSS_CORPUS) {
      // Not validated on purpose: the report must stay inert even for a pack no validator has seen.
      const withText = structuredClone(basePack);
      Object.assign(withText, {
        title: payload,
        description: payload,
        authors: [{ name: payload }],
        language: payload,
      });
      withText.targets.models[0]!.labels = [payload, payload, payload];
      for (const item of withText.items)
        if (item.kind === 'example') item.body.caption = payload;
        else if (item.kind === 'check') item.body.claim = payload;
      const result = structuredClone(base);
      for (const example of result.examples)
        for (const top of example.observed?.top ?? []) top.label = payload;
      for (const check of result.checks) {
        check.message = payload;
        check.observed = { [payload]: payload };
      }
      result.examples[0]!.message = payload;
      result.models[0]!.sourceUrl = payload;
      result.staleness.models[0]!.orphans.push({ id: payload, kind: payload, reason: payload });
      const html = renderReport(
        withText,
        result,
        { ...meta, pageUrl: payload, toolVersion: payload },
        { window: win },
      );
      expect(live(html), `${category}: ${payload}`).toEqual([]);
      const plain = renderReport(withText, result, { ...meta, pageUrl: payload }, {});
      expect(live(plain), `${category} (no DOM): ${payload}`).toEqual([]);
    }
  }, 60_000);
});
