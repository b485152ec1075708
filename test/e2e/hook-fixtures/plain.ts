// A Chromium without the extension, launched like the harness launches one with it: the control for "the page
// behaves exactly as without Literate".

import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../harness';

export async function launchPlain(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

/** Console lines and page errors, as a sorted multiset for comparing two runs of the same page. */
export function recordConsole(page: Page): { lines: string[] } {
  const seen = { lines: [] as string[] };
  page.on('console', (m) => seen.lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.lines.push(`pageerror: ${String(e)}`));
  return seen;
}
