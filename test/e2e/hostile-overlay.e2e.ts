// Issue 15, item 1: the page can never operate the overlay. A script in the page's own world finds the overlay's open
// shadow root and presses everything an attacker would — the launcher, Write notes, Start writing 31 times (click,
// requestSubmit, a forged submit), Edit … as a new version, typing (value + input events, execCommand insertText),
// Keep as my copy, the downloads and the share link — first alone, then while the reader has authoring open. Nothing
// is stored (drafts, edited copies, pending copies), nothing downloads and no window opens; the draft the reader
// saved on another page survives. The same steps by the reader's own (trusted) input still work, and an edited copy
// is kept only after the reader confirms it in the extension page that opens.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { currentWorker, launchWithExtension, watchConsole, type ExtensionSession } from './harness';

const DEMO = '/demos/draw-shapes/';
const OTHER_DRAFT = {
  id: 'dotherpage0001',
  page: 'http://127.0.0.1:1/another/page/',
  title: 'My notes on another page',
  text: '{"title":"My notes on another page"}',
  basedOn: null,
  savedAt: 1,
};

let server: GalleryServer;
let session: ExtensionSession;
const opened: string[] = [];
let downloads = 0;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchWithExtension({ viewport: { width: 1500, height: 950 } });
  session.context.on('page', (p) => opened.push(p.url() || '(blank)'));
  // The reader's draft on another page, saved before this page was ever opened.
  const worker = await currentWorker(session);
  await worker.evaluate((d) => chrome.storage.local.set({ drafts: { schema: 1, drafts: [d] } }), OTHER_DRAFT);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Stored {
  drafts: { id: string; page: string; text: string }[];
  edits: { key: string; enabled: boolean }[];
  pending: number;
}

async function stored(): Promise<Stored> {
  const worker = await currentWorker(session);
  const all = (await worker.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
  const drafts = ((all.drafts as { drafts?: Stored['drafts'] } | undefined)?.drafts ?? []).map((d) => ({
    id: d.id,
    page: d.page,
    text: d.text,
  }));
  const packs = (all.packs as { key: string; sourceId: string; enabled: boolean }[] | undefined) ?? [];
  const edits = packs.filter((p) => p.sourceId === 'edits').map((p) => ({ key: p.key, enabled: p.enabled }));
  const pending = Array.isArray(all.pendingEdits) ? all.pendingEdits.length : 0;
  return { drafts, edits, pending };
}

/**
 * The attack, run in the page's MAIN world: everything a script can do to the overlay's buttons and fields. Each
 * step is tried whatever the last one did; returns what the page saw happen.
 */
function attack(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const log: string[] = [];
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const root = document.querySelector('literate-overlay')?.shadowRoot;
    if (!root) return ['no overlay'];
    const buttons = (text: string) =>
      [...root.querySelectorAll('button')].filter((b) => (b.textContent ?? '').includes(text));
    const press = async (text: string) => {
      for (const b of buttons(text)) {
        b.click();
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        log.push(`pressed ${text}`);
      }
      await wait(150);
    };
    const type = (input: HTMLInputElement | HTMLTextAreaElement, text: string) => {
      input.focus();
      document.execCommand('insertText', false, text);
      input.value = `${input.value} ${text}`;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    };
    if (!root.querySelector('[role="dialog"]')) {
      (root.querySelector('.launcher') as HTMLButtonElement | null)?.click();
      for (let i = 0; i < 100 && buttons('Write notes').length === 0; i++) await wait(100);
    }
    if (buttons('Done writing').length === 0) await press('Write notes');
    await wait(500);
    // 31 x Start writing: by click, by requestSubmit and by a forged submit event.
    for (let i = 0; i < 31; i++) {
      const title = root.querySelector<HTMLInputElement>('#lt-author-new-title');
      const form = title?.form;
      if (title && form) {
        type(title, `Evil ${i}`);
        form.requestSubmit();
        form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
        buttons('Start writing')[0]?.click();
        if (!root.querySelector('#lt-author-new-title')) log.push(`started ${i}`);
      }
      await wait(30);
      // Started? Leave authoring and come back for the next one (Done writing, then Write notes).
      if (buttons('Done writing').length > 0 && !root.querySelector('#lt-author-new-title')) {
        buttons('Done writing')[0]?.click();
        await wait(30);
        buttons('Write notes')[0]?.click();
        await wait(60);
      }
    }
    await press('as a new version');
    await wait(300);
    const details = root.querySelector('details');
    if (details) details.open = true;
    for (const id of ['lt-author-meta-title', 'lt-author-meta-description']) {
      const field = root.getElementById(id) as HTMLInputElement | null;
      if (field) type(field, 'EVIL');
    }
    await wait(900);
    await press('Keep as my copy');
    await press('Download pack JSON');
    await press('Download Markdown source');
    await press('Copy share link');
    await wait(1500);
    return log;
  });
}

describe('a hostile page and the overlay (issue 15, item 1)', () => {
  let page: Page;

  it('the page alone: no draft, no edited copy, no download, no window; the other page’s draft is kept', async () => {
    page = await session.context.newPage();
    const seen = watchConsole(page);
    page.on('download', () => downloads++);
    await page.goto(`${server.url}${DEMO}`);
    await page.getByRole('button', { name: 'Explain this model' }).waitFor({ timeout: 30_000 });
    const openedBefore = opened.length;
    const log = await attack(page);
    const after = await stored();
    expect(log.filter((l) => l.startsWith('started'))).toEqual([]);
    expect(after.drafts).toEqual([expect.objectContaining({ id: OTHER_DRAFT.id, text: OTHER_DRAFT.text })]);
    expect(after.edits).toEqual([]);
    expect(after.pending).toBe(0);
    expect(downloads).toBe(0);
    expect(opened.slice(openedBefore)).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('with the reader in authoring mode, the page still stores, downloads and opens nothing', async () => {
    const panel = page.getByRole('dialog', { name: 'Literate' });
    if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Explain this model' }).click();
    const writeNotes = panel.getByRole('button', { name: 'Write notes' });
    if (await writeNotes.isVisible()) await writeNotes.click();
    const edit = panel.getByRole('button', { name: /as a new version/ });
    await edit.waitFor();
    const openedBefore = opened.length;
    // On the Start screen: 31 x Start writing, Edit …, typing, Keep as my copy, downloads — all by the page.
    await attack(page);
    let now = await stored();
    expect(now.drafts.map((d) => d.id)).toEqual([OTHER_DRAFT.id]);
    // The reader starts a new version of the shown pack (trusted): that draft is saved, nothing else.
    if (await edit.isVisible()) await edit.click();
    await panel.getByText(/Draft saved at/).waitFor({ timeout: 10_000 });
    // The page types into the reader's fields and presses Keep as my copy and the downloads.
    await attack(page);
    now = await stored();
    const mine = now.drafts.filter((d) => d.id !== OTHER_DRAFT.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.text).not.toContain('EVIL');
    expect(now.drafts.map((d) => d.id)).toContain(OTHER_DRAFT.id);
    expect(now.edits).toEqual([]);
    expect(now.pending).toBe(0);
    expect(downloads).toBe(0);
    expect(opened.slice(openedBefore)).toEqual([]);
  });

  it('the reader’s own input still works: Keep as my copy asks in an extension window, and only a yes there keeps it', async () => {
    const panel = page.getByRole('dialog', { name: 'Literate' });
    const title = panel.getByLabel('Title', { exact: true });
    // (The page's script opened the details: a click on its summary would close them.)
    if (!(await title.isVisible())) await panel.getByText('Pack details').click();
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (mine)');
    await panel.getByText(/Draft saved at/).waitFor();
    const windowOpens = session.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('options.html?confirm-edit='),
      timeout: 15_000,
    });
    await panel.getByRole('button', { name: 'Keep as my copy in Literate' }).click();
    const confirm = await windowOpens;
    await panel.getByText(/Confirm it in the Literate window that opened/).waitFor();
    expect((await stored()).edits).toEqual([]);
    await confirm.getByTestId('edit-title').waitFor();
    // The reader's typing lands on the text they saw last, not on what the page's script put in the field.
    expect(await confirm.getByTestId('edit-title').textContent()).toMatch(/\(mine\)$/);
    expect(await confirm.getByTestId('edit-summary').textContent()).not.toContain('EVIL');
    await confirm.getByRole('button', { name: 'Keep as my copy' }).click();
    await expect
      .poll(async () => (await stored()).edits, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ key: expect.stringMatching(/^edits:/), enabled: true })]);
    expect((await stored()).pending).toBe(0);
    expect((await stored()).drafts.map((d) => d.id)).toContain(OTHER_DRAFT.id);
  });
});
