// `npm start`: serves the demo gallery and opens it in Chromium with the freshly built extension in a fresh profile.
// Without a display it runs headless instead, visits every gallery page, and writes screenshots. `--firefox` does the
// same in Firefox with dist/firefox (scripts/start-firefox.ts).

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { galleryPages } from '../demos/gallery';
import { startServer } from '../demos/server';
import { startFirefox } from './start-firefox';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, 'dist/chrome');
const screenshotsDir = join(root, 'test-results/start');

function findBrowser(): string | null {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-beta',
    '/usr/bin/google-chrome-unstable',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function printManualInstall(url: string): void {
  console.log(`
Literate demo gallery: ${url}

Load Literate in your own browser:
  Chrome / Chromium / Edge: open chrome://extensions, switch on "Developer mode", click "Load unpacked",
                            choose ${extensionDir}
  Firefox (128+):          open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…",
                            choose ${join(root, 'dist/firefox/manifest.json')}
                            (or run: npx web-ext run --source-dir dist/firefox)
`);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--firefox') && !existsSync(join(extensionDir, 'manifest.json'))) {
    console.error('dist/chrome is missing: run `npm run build` (npm start does it for you).');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8321);
  const server = await startServer({ port }).catch(() => startServer({ port: 0 }));
  printManualInstall(server.url);

  if (process.argv.includes('--firefox')) {
    const headless = !hasDisplay() || process.argv.includes('--headless');
    await startFirefox(server.url, headless, screenshotsDir);
    await server.close();
    return;
  }

  const browserPath = findBrowser();
  if (!browserPath) {
    console.log(
      'No Chromium or Chrome found (set CHROME_PATH). The gallery is being served; press Ctrl+C to stop.',
    );
    return;
  }
  if (/google-chrome(-stable)?$|Google Chrome\.app/.test(browserPath)) {
    console.log(
      'Note: branded Google Chrome ignores --load-extension since Chrome 137; use "Load unpacked" above.',
    );
  }
  const headless = !hasDisplay() || process.argv.includes('--headless');
  const profile = mkdtempSync(join(tmpdir(), 'literate-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless,
    viewport: headless ? { width: 1280, height: 800 } : null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const cleanup = async () => {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(0)));

  const [first] = context.pages();
  const page: Page = first ?? (await context.newPage());
  await page.goto(server.url);

  if (!headless) {
    console.log(
      `Chromium is open with Literate loaded (profile ${profile}). Close it or press Ctrl+C to stop.`,
    );
    context.on('close', () => void cleanup().then(() => process.exit(0)));
    return;
  }

  console.log(
    'No display found: running headless and taking screenshots of the gallery with Literate loaded.',
  );
  mkdirSync(screenshotsDir, { recursive: true });
  const shots: string[] = [];
  await page.screenshot({ path: join(screenshotsDir, 'gallery.png') });
  shots.push(join(screenshotsDir, 'gallery.png'));
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  for (const url of galleryPages().map((name) => `${server.url}/demos/${name}/`)) {
    const name = new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'page';
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    const path = join(screenshotsDir, `${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
    const badge = await worker
      .evaluate(async (u: string) => {
        const [tab] = await chrome.tabs.query({ url: u });
        return tab?.id === undefined ? '?' : chrome.action.getBadgeText({ tabId: tab.id });
      }, page.url())
      .catch(() => '?');
    console.log(`  ${name.padEnd(20)} toolbar badge: ${badge || '(empty)'}`);
  }
  console.log(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  if (process.argv.includes('--serve')) {
    console.log(`Serving ${server.url} — press Ctrl+C to stop.`);
    return;
  }
  await cleanup();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
