// check:official's diagram step (issue #17): on each official demo, the overlay's Diagram view of the page's model
// opens, draws its items and paints live thumbnails from the page's own calls; on demos whose page keeps calling
// its model (camera loops), the thumbnails must change; on demos that call it once (at load, before the reader can
// open anything), the reader's way in — "Try your own input" with the page's own picture — must paint them.

import type { Page } from 'playwright-core';
import type { OfficialDemoId } from '../../demos/official/sites';

/** What the diagram showed on one demo. */
export interface DiagramFacts {
  /** The model whose diagram opened (the section's data-model-id). */
  model: string;
  /** Drawn nodes ([data-node-id]) and closed groups ([data-group-id] buttons). */
  nodes: number;
  groups: number;
  /** Thumbnail canvases drawn, and those painted with a non-blank activation. */
  thumbnails: number;
  painted: number;
  /** Thumbnails whose pixels changed between two looks (null where the page does not keep calling its model). */
  changed: number | null;
  /** The diagram's live line (what it says about the values). */
  live: string;
  /** One sentence of what was seen. */
  seen: string;
  problems: string[];
}

/** Pages that keep calling their model while open (demos/official/sites.ts: camera loops). */
const LOOPING: ReadonlySet<OfficialDemoId> = new Set([
  'posenet',
  'webcam-transfer-learning',
  'knn-classifier',
]);

/** A reader's action that makes a one-call page call its model again (the translation page translates as one types). */
async function poke(id: OfficialDemoId, page: Page, n: number): Promise<void> {
  if (id !== 'translation') return;
  const box = page.locator('#englishSentence');
  await box.fill('');
  await box.pressSequentially(n % 2 ? 'Go!' : 'Run!');
}

/** Points the looping page's camera elsewhere, as a reader would (the stand-ins show a still photo per scene). */
async function turnCamera(id: OfficialDemoId, page: Page): Promise<void> {
  if (id === 'posenet') await page.selectOption('#photo', 'images/posenet-two_on_bench.jpg');
  else await page.selectOption('#scene', 'images/daisy.jpg');
}

interface Thumb {
  node: string;
  updates: number;
  pixels: string;
  blank: boolean;
}

/** Per thumbnail canvas in the overlay's diagram: its node, frames painted, a digest of its pixels, blank or not. */
function thumbnails(page: Page): Promise<Thumb[]> {
  return page.locator('literate-overlay .diagram canvas.dg-thumb').evaluateAll((canvases) =>
    canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let lit = 0;
      for (let i = 0; i < d.length; i += 4) {
        sum = (sum * 31 + d[i]! + 3 * d[i + 1]! + 7 * d[i + 2]!) % 1e9;
        if (d[i + 3]) lit++;
      }
      return {
        node: (canvas.closest('[data-node-id]') as HTMLElement | null)?.dataset.nodeId ?? '',
        updates: Number(canvas.dataset.updates || 0),
        pixels: String(sum),
        blank: lit === 0,
      };
    }),
  );
}

const paintedOf = (ts: Thumb[]): Thumb[] => ts.filter((t) => t.updates > 0 && !t.blank);

/** Polls `probe` every half second until it returns true or `ms` pass. */
async function until(page: Page, ms: number, probe: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return;
    await page.waitForTimeout(500);
  }
}

/**
 * Opens the Diagram view in the open overlay (the pack check leaves it open) and looks at its thumbnails; writes
 * `screenshotPath` when given.
 */
export async function checkDiagram(
  id: OfficialDemoId,
  page: Page,
  screenshotPath: string | null,
): Promise<DiagramFacts> {
  const facts: DiagramFacts = {
    model: '',
    nodes: 0,
    groups: 0,
    thumbnails: 0,
    painted: 0,
    changed: null,
    live: '',
    seen: '',
    problems: [],
  };
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.getByRole('button', { name: 'Diagram', exact: true }).first().click({ timeout: 30_000 });
  const section = panel.locator('section.diagram').first();
  await section.waitFor({ timeout: 30_000 });
  facts.model = (await section.getAttribute('data-model-id')) ?? '';
  const looping = LOOPING.has(id);
  let pokes = 0;
  // Painted thumbnails: from the loop's next calls, or from a reader's action on a page that has one.
  await until(page, looping ? 30_000 : 12_000, async () => {
    await poke(id, page, pokes++);
    return paintedOf(await thumbnails(page)).length > 0;
  });
  const first = await thumbnails(page);
  facts.nodes = await section.locator('[data-node-id]').count();
  facts.groups = await section.locator('li.dg-slot[data-group-id]').count();
  facts.thumbnails = first.length;
  facts.painted = paintedOf(first).length;
  if (looping && facts.painted > 0) {
    // The same still photo gives the same activations on every frame: another scene must change them.
    await turnCamera(id, page);
    const changedSince = async () =>
      (await thumbnails(page)).filter((t) => {
        const before = first.find((f) => f.node === t.node);
        return t.updates > (before?.updates ?? 0) + 1 && t.pixels !== before?.pixels;
      }).length;
    await until(page, 30_000, async () => (await changedSince()) > 0);
    facts.changed = await changedSince();
  }
  facts.live = ((await section.getByTestId('diagram-live').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const drawn = `${facts.nodes} nodes and ${facts.groups} closed groups drawn, ${facts.thumbnails} thumbnails`;
  if (facts.nodes + facts.groups === 0) facts.problems.push('diagram: nothing drawn');
  if (facts.thumbnails === 0) facts.problems.push('diagram: no thumbnail canvas drawn');
  if (looping) {
    facts.seen = `${drawn}, ${facts.painted} painted, ${facts.changed ?? 0} repainted with other values after the camera turned to another scene`;
    if (facts.painted === 0)
      facts.problems.push(`diagram: no thumbnail painted while the page ran (${facts.live})`);
    else if (!facts.changed)
      facts.problems.push('diagram: thumbnails did not change when the camera turned to another scene');
  } else if (id === 'translation') {
    facts.seen = `${drawn}, ${facts.painted} painted from the page's calls as a sentence was typed`;
    if (facts.painted === 0)
      facts.problems.push(`diagram: no thumbnail painted as the reader typed (${facts.live})`);
  } else {
    // The page called its model once, before the diagram opened: no call of its own will paint the thumbnails. The
    // reader's way in is "Try your own input" with the page's own picture: the diagram then shows that run's values.
    const pageCalls = facts.painted;
    await panel.getByRole('button', { name: 'Try your own input' }).click({ timeout: 30_000 });
    const explore = panel.getByTestId('explore');
    await explore.getByRole('button', { name: 'The page’s pictures…' }).click();
    await explore.getByRole('combobox', { name: 'Page picture' }).selectOption({ index: 0 });
    await explore.getByRole('button', { name: 'Use it' }).click();
    // The diagram on screen again (thumbnails are tapped only on screen; the open section pushed it down).
    await section.scrollIntoViewIfNeeded();
    await until(page, 30_000, async () => paintedOf(await thumbnails(page)).length > 0);
    const after = await thumbnails(page);
    facts.thumbnails = after.length;
    facts.painted = paintedOf(after).length;
    facts.seen =
      `${drawn}; the page calls its model once, before the diagram opened (${pageCalls} painted from its calls); ` +
      `with the page's own picture as the reader's input, ${facts.painted} painted`;
    if (facts.painted === 0)
      facts.problems.push(
        `diagram: no thumbnail painted from the page's picture as the reader's input (${facts.live})`,
      );
  }
  if (screenshotPath) {
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath });
  }
  return facts;
}
