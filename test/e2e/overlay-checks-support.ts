// Pieces of the executable-explanation e2e tests: an extension copy that ships only the given packs, a
// deliberately wrong pack for the draw-shapes demo and a stale one for the legacy-spiral demo (both made from the
// shipped packs and checked by the real validator), a cross-origin picture, and readers of the checks UI.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { Route } from '../../demos/server';
import type { Annotation, ExampleAnnotation, Pack } from '../../annotations/format/types';
import { encodePng } from '../../cli/png';
import { ROOT } from './harness';
import { BASE_EXTENSION_DIR } from './overlay-packs-support';
import { validPackText } from './packs-support';

/** A temporary copy of the built extension whose only packs are `packs` (file name → pack JSON text). */
export function extensionWithOnly(packs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'literate-overlay-checks-'));
  cpSync(BASE_EXTENSION_DIR, dir, { recursive: true });
  for (const [file, text] of Object.entries(packs)) writeFileSync(join(dir, 'packs', file), text);
  writeFileSync(join(dir, 'packs/index.json'), JSON.stringify({ packs: Object.keys(packs) }));
  return dir;
}

export function shippedSource(name: string): Pack {
  return JSON.parse(readFileSync(join(ROOT, 'annotations/packs', `${name}.json`), 'utf8')) as Pack;
}

const check = (id: string, body: object, target?: Annotation['target']): Annotation =>
  ({
    id,
    type: 'Annotation',
    motivation: 'assessing',
    kind: 'check',
    body: { type: 'Check', ...body },
    ...(target ? { target } : {}),
  }) as Annotation;

const example = (id: string, input: object, expected?: object, caption?: string): Annotation =>
  ({
    id,
    type: 'Annotation',
    motivation: 'describing',
    kind: 'example',
    body: { type: 'Example', input, ...(expected ? { expected } : {}), ...(caption ? { caption } : {}) },
  }) as Annotation;

/**
 * The draw-shapes pack turned wrong: a circle said to be a square, a parameter count one too many (in a margin
 * note beside the page's heading), the legacy-spiral model's fingerprint, a picture from another origin; one
 * check that holds and the page's own sketch canvas as an input, so that not everything fails.
 */
export function wrongPack(): Pack {
  const shapes = shippedSource('draw-shapes');
  const spiral = shippedSource('legacy-spiral');
  const circle = shapes.items.find((a): a is ExampleAnnotation => a.id === 'example-circle')!;
  return {
    ...shapes,
    id: 'e2e-wrong-shapes',
    title: 'A deliberately wrong pack',
    steps: undefined,
    items: [
      example(
        'ex-circle-as-square',
        circle.body.input,
        { top1: 'square' },
        'A circle, claimed to be a square.',
      ),
      example('ex-sketch', { element: '#sketch' }, undefined, 'Whatever is on the sketch canvas now.'),
      example('ex-foreign', { element: '#foreign' }, undefined, 'A picture from another site.'),
      check(
        'wrong-params',
        { check: 'params', expected: 26662, claim: 'The network has **26,662** parameters.' },
        { selector: [{ type: 'CssSelector', value: '#sketch-heading' }] },
      ),
      check('swapped-fingerprint', {
        check: 'fingerprint',
        expected: spiral.targets.models[0]!.fingerprint,
        claim: 'This is the spiral network.',
      }),
      check('wrong-top1', {
        check: 'top1',
        example: 'ex-circle-as-square',
        claim: 'The circle reads as a square.',
      }),
      check(
        'right-conv1-params',
        { check: 'params', expected: 208, claim: 'conv1 has 208 parameters.' },
        { model: { type: 'ModelNodeSelector', node: 'conv1' } },
      ),
    ],
  };
}

/** The legacy-spiral pack written for another model: the draw-shapes fingerprint, and a layer it does not have. */
export function stalePack(): Pack {
  const spiral = shippedSource('legacy-spiral');
  const shapes = shippedSource('draw-shapes');
  const [model] = spiral.targets.models;
  return {
    ...spiral,
    id: 'e2e-stale-spiral',
    title: 'A pack for an older spiral model',
    steps: undefined,
    targets: {
      ...spiral.targets,
      models: [{ ...model!, fingerprint: shapes.targets.models[0]!.fingerprint }],
    },
    items: [
      ...spiral.items
        .filter((a) => a.kind === 'check' && a.id.startsWith('check-'))
        .slice(0, 3)
        .map(({ step: _step, ...a }) => a as Annotation),
      check(
        'hidden3-params',
        { check: 'params', expected: 99, claim: 'A third hidden layer of 99 parameters.' },
        { model: { type: 'ModelNodeSelector', node: 'hidden3' } },
      ),
    ],
  };
}

export const PACK_FILES = (): Record<string, string> => ({
  'e2e-wrong.json': validPackText(wrongPack()),
  'e2e-stale.json': validPackText(stalePack()),
});

/** A PNG the test server also serves on another origin (localhost vs 127.0.0.1), so drawing it taints a canvas. */
const PNG = Buffer.from(encodePng(new Uint8Array(28 * 28 * 3).fill(200), 28, 28, 3));

export function foreignPictureRoute(): Route {
  return {
    path: '/e2e/foreign.png',
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(PNG);
    },
  };
}

/** The status and message shown beside one example or check in the panel or a margin note. */
export async function itemResult(
  scope: Locator,
  id: string,
): Promise<{ status: string | null; text: string }> {
  const item = scope.locator(`[data-exec-id="${id}"]`).first();
  const badge = item.locator('.run-result .run-badge').first();
  return {
    status: (await badge.count()) > 0 ? await badge.getAttribute('data-status') : null,
    text: (await item.locator('.run-result').first().textContent()) ?? '',
  };
}
