// Packs that point at the diagram, in real Chromium: a pack's notes on diagram nodes show as numbered markers on
// them and in a list under the diagram (an anchor to a node the model lacks is an orphan with its reason), "Show"
// frames a note's part, a tour step shows the diagram and frames the nodes it names, and axe finds nothing in
// light or dark.

import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { extensionWithPacks, note, validPackText } from './overlay-packs-support';
import { deepGraphRoutes, overlayRoutes } from './overlay-pages';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const on = (part: { node: string } | { nodes: string[] }): Annotation['target'] => ({
  diagram: { type: 'DiagramSelector', model: 'cnn', ...part },
});

function diagramPack(): Pack {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'e2e-diagram-notes',
    title: 'Notes on the diagram',
    authors: [{ name: 'Ada Lovelace' }],
    license: 'CC-BY-4.0',
    version: '1.0.0',
    targets: {
      pages: ['http://127.0.0.1:*/overlay/cnn.html*'],
      models: [{ alias: 'cnn', structure: { kind: 'layers', nodes: [{ name: 'conv1', op: 'Conv2D' }] } }],
    },
    items: [
      note('dg-conv1', 'Eight **filters** slide over the drawing.', on({ node: 'conv1' }), 's2'),
      note(
        'dg-shrink',
        'Pooling halves the maps; flatten unrolls them.',
        on({ nodes: ['pool1', 'flatten'] }),
      ),
      note('dg-ghost', 'A layer this model does not have.', on({ node: 'conv9' })),
    ],
    steps: [
      {
        id: 's1',
        title: 'Where the picture shrinks',
        body: 'Two layers with no weights.',
        target: on({ nodes: ['pool1', 'flatten'] }),
      },
      { id: 's2', title: 'The filters', highlights: ['dg-conv1'] },
    ],
  };
}

/** A pack for the deep graph page (30 separable blocks, scoped names): a note on a block, a step that frames one. */
function deepPack(): Pack {
  const group = (name: string): Annotation['target'] => ({
    diagram: { type: 'DiagramSelector', group: name },
  });
  return {
    ...diagramPack(),
    id: 'e2e-diagram-groups',
    title: 'Blocks on the diagram',
    targets: { pages: ['http://127.0.0.1:*/overlay/deep.html*'], models: [{ alias: 'deep' }] },
    items: [
      note('dg-block3', 'The third block: depthwise, then pointwise.', group('block3')),
      note('dg-missing', 'A block the graph does not have.', group('block99')),
    ],
    steps: [{ id: 'b7', title: 'Block seven', target: group('block7') }],
  };
}

let session: ExtensionSession;
let server: GalleryServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({ port: 0, routes: [...overlayRoutes(), ...deepGraphRoutes(30)] });
  dir = extensionWithPacks({
    'e2e-diagram.json': validPackText(diagramPack()),
    'e2e-diagram-groups.json': validPackText(deepPack()),
  });
  session = await launchWithExtension({ extensionDir: dir, viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(
      { include: [['literate-overlay', '.lt']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html).join(' | ')}`);
  });
}

async function openWithPack(page: Page, path = '/overlay/cnn.html'): Promise<Locator> {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
  return panel;
}

/** The diagram button that has the roving tab stop (the item the diagram framed last). */
const active = (panel: Locator) =>
  panel.locator('.diagram [data-item-id][tabindex="0"]').getAttribute('data-item-id');
const mark = (panel: Locator, node: string) =>
  panel.locator(`.dg-slot[data-node-id="${node}"] .dg-pack-mark`);

describe('packs that point at the diagram', () => {
  it('marks the noted nodes, lists the notes under the diagram, frames a note’s part, orphans what is missing', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    const panel = await openWithPack(page);
    await panel.getByRole('button', { name: 'Diagram', exact: true }).click();
    await panel.locator('section.diagram').waitFor();
    await expect.poll(() => mark(panel, 'conv1').textContent()).toBe('1');
    expect(await mark(panel, 'pool1').textContent()).toBe('2');
    expect(await mark(panel, 'flatten').textContent()).toBe('2');
    expect(await mark(panel, 'probs').count()).toBe(0);

    // Listed under the diagram, not among the notes about the whole model above it.
    expect(await panel.locator('.pack-intro').count()).toBe(0);
    const notes = panel.getByRole('region', { name: /^Notes on the diagram from/ });
    expect(await notes.locator('li').count()).toBe(2);
    expect(await notes.locator('li').first().textContent()).toContain(
      'Eight filters slide over the drawing.',
    );
    await notes.getByRole('button', { name: 'Show 2 nodes: pool1, flatten on the diagram' }).click();
    await expect.poll(() => active(panel)).toBe('pool1');
    await notes.getByRole('button', { name: 'Show conv1 on the diagram' }).click();
    await expect.poll(() => active(panel)).toBe('conv1');

    // The anchor to a node the model lacks is an orphan with its reason, never a guess.
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('no node named conv9');

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'diagram-packs-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'diagram-packs-dark');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('a tour step shows the diagram and frames the nodes it names; a step’s note on the diagram frames its node', async () => {
    const page = await session.context.newPage();
    const panel = await openWithPack(page);
    // The outline is showing: the step must bring the diagram.
    expect(await panel.locator('section.diagram').count()).toBe(0);
    await panel.getByRole('button', { name: 'Start the tour' }).click();
    const tour = panel.locator('section.tour');
    await expect.poll(() => tour.locator('.tour-title').textContent()).toBe('Where the picture shrinks');
    await panel.locator('section.diagram').waitFor({ timeout: 10_000 });
    await expect.poll(() => active(panel)).toBe('pool1');
    await tour.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => tour.locator('.tour-title').textContent()).toBe('The filters');
    await expect.poll(() => active(panel)).toBe('conv1');
    await page.close();
  });

  it('on a deep graph: a closed block carries its note’s marker, a missing block is an orphan, a step frames a block', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    const panel = await openWithPack(page, '/overlay/deep.html');
    await panel.getByRole('button', { name: 'Diagram', exact: true }).click();
    await panel.locator('section.diagram').waitFor();
    await expect
      .poll(() => panel.locator('.dg-slot[data-group-id="block3"] .dg-pack-mark').textContent())
      .toBe('1');
    await expect
      .poll(async () => (await panel.textContent()) ?? '')
      .toContain('no group block99 in the diagram');
    await panel.getByRole('button', { name: 'Start the tour' }).click();
    await expect.poll(() => active(panel)).toBe('block7');
    expect(await axeViolations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('authoring: “Pin a note” pins a new note to the diagram item chosen with the keyboard', async () => {
    const page = await session.context.newPage();
    const panel = await openWithPack(page);
    await panel.getByRole('button', { name: 'Write notes' }).click();
    await panel.getByLabel('Title', { exact: true }).fill('Pinned on the diagram');
    await panel.getByLabel('Your name').fill('Ada Author');
    await expect.poll(() => panel.getByRole('button', { name: 'Start writing' }).isEnabled()).toBe(true);
    await panel.getByRole('button', { name: 'Start writing' }).click();
    await panel.getByRole('heading', { name: 'Writing “Pinned on the diagram”' }).waitFor();
    await panel.getByRole('button', { name: 'Diagram', exact: true }).click();
    const pin = panel.locator('.dg-pin button');
    expect(await pin.isDisabled()).toBe(true);
    // Focus (not a click: a click opens the layer view) chooses the item.
    await panel.locator('.diagram [data-item-id="pool1"]').focus();
    await expect.poll(() => pin.textContent()).toBe('Pin a note to pool1 on the diagram');
    await pin.click();
    await expect.poll(() => panel.locator('[data-item="note-1"]').count()).toBe(1);
    await expect
      .poll(() => panel.locator('.author-anchor').textContent())
      .toContain('Anchored to the diagram: pool1');
    await page.keyboard.type('Halves each map.');
    expect(await panel.getByLabel('Note (Markdown, $TeX$)').inputValue()).toBe('Halves each map.');
    await page.close();
  });
});
