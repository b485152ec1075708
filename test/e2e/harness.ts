// Launches Debian's Chromium with the built extension (Playwright, playwright-core) and gives tests handy views of it.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built extension: dist/chrome, or LITERATE_EXTENSION_DIR (a private build, e.g. from LITERATE_DIST). */
export const EXTENSION_DIR = process.env.LITERATE_EXTENSION_DIR ?? join(ROOT, 'dist/chrome');
export const ARTIFACTS_DIR = join(ROOT, 'test-results/e2e');

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found: install Debian chromium (apt-get install chromium) or set CHROME_PATH.',
    );
  return found;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
];

/** Asks Chromium itself why the unpacked extension did not load (Playwright does not surface it). */
export function extensionLoadError(dir = EXTENSION_DIR): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'literate-why-'));
  return new Promise((done) => {
    execFile(
      chromiumPath(),
      [
        '--headless',
        ...BASE_ARGS,
        `--user-data-dir=${profile}`,
        '--enable-logging=stderr',
        '--v=0',
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--timeout=3000',
        'about:blank',
      ],
      { timeout: 15_000 },
      (_err, stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        const lines = `${stdout}\n${stderr}`
          .split('\n')
          .filter((l) => /load_error_reporter|extension|manifest/i.test(l) && !/dbus/i.test(l));
        done(lines.join('\n') || '(Chromium printed no extension error)');
      },
    );
  });
}

export async function launchWithExtension(
  options: {
    extensionDir?: string;
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** The browser's UI language (`--lang` and LANGUAGE, which Chromium on Linux reads): the extension's locale. */
    locale?: string;
  } = {},
): Promise<ExtensionSession> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'literate-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...BASE_ARGS,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
    // Not Playwright's `locale` (an emulation in pages only): the browser's own UI language, which Debian's
    // Chromium takes from LANGUAGE when its locale files are installed (chromium-l10n).
    ...(options.locale
      ? { env: { ...process.env, LANGUAGE: options.locale, LANG: `${options.locale}.UTF-8` } }
      : {}),
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) {
    worker = await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => undefined);
  }
  if (!worker) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`The extension did not load in Chromium.\n${await extensionLoadError(dir)}`);
  }
  const extensionId = new URL(worker.url()).host;
  await settleWelcomeTab(context, extensionId, dir);
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh install opens welcome.html in a tab of its own: wait for it, so that it does not open in the middle of a
 * test, and leave it open in the background. Closing it is not safe: an extension page that opens while Chromium
 * tears down the extension's last renderer (the welcome tab's) can come up with no messages at all —
 * chrome.i18n.getMessage returned '' for every key in 4 of 6 launches when the tab was closed, 0 of 6 when it was left.
 */
async function settleWelcomeTab(context: BrowserContext, extensionId: string, dir: string): Promise<void> {
  if (!existsSync(join(dir, 'welcome.html'))) return;
  const url = `chrome-extension://${extensionId}/welcome.html`;
  for (const end = Date.now() + 10_000; Date.now() < end;) {
    if (context.pages().some((p) => p.url() === url)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The current service worker (MV3 workers stop when idle; a fresh one is picked up here). */
export async function currentWorker(session: ExtensionSession): Promise<Worker> {
  const live = session.context.serviceWorkers().find((w) => w.url().includes(session.extensionId));
  return live ?? session.context.waitForEvent('serviceworker', { timeout: 10_000 });
}

/** The id Chromium gives a page's tab, as the extension sees it. */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const worker = await currentWorker(session);
  const url = page.url();
  const id = await worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab found for ${url}`);
  return id;
}

export async function badgeText(session: ExtensionSession, tabId: number): Promise<string> {
  const worker = await currentWorker(session);
  return worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Polls the badge until it shows `expected` (the hook reports asynchronously), returning what it last showed. */
export async function waitForBadge(
  session: ExtensionSession,
  tabId: number,
  expected: string,
  timeoutMs = 20_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = await badgeText(session, tabId);
    if (text === expected) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

/** Opens the popup for a given tab, in a tab of its own (`?tabId=`), as a reader would see it. */
export async function openPopup(session: ExtensionSession, tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 360, height: 480 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Collects console messages and page errors, so tests can prove Literate adds none. */
export function watchConsole(page: Page): { messages: string[]; errors: string[] } {
  const seen = { messages: [] as string[], errors: [] as string[] };
  page.on('console', (m) => seen.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return seen;
}
