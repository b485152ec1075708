// Answers the official demos' URLs inside a Playwright browser context (context.route): the page and its scripts
// from demos/official/, tf.js from node_modules, the models from ../shared/models and photos from ../shared/inputs,
// so that the hook sees the real URLs (sourceUrl = official model URL) and packs' URL patterns match as on the web.

import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { localFileFor, type Roots } from '../../demos/official/sites';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.bin': 'application/octet-stream',
};

/** Every official host the demos touch; anything else the pages ask for there is a 404 (never the network). */
const PATTERNS = ['https://storage.googleapis.com/**', 'http://localhost:1234/**', 'https://tfhub.dev/**'];

export interface RouteLog {
  served: string[];
  missing: string[];
}

export async function routeOfficialDemos(context: BrowserContext, roots: Roots): Promise<RouteLog> {
  const log: RouteLog = { served: [], missing: [] };
  for (const pattern of PATTERNS) {
    await context.route(pattern, async (route) => {
      const url = route.request().url();
      const file = localFileFor(url, roots);
      if (!file || !existsSync(file) || !statSync(file).isFile()) {
        log.missing.push(url);
        await route.fulfill({
          status: 404,
          body: 'not found',
          headers: { 'access-control-allow-origin': '*' },
        });
        return;
      }
      log.served.push(url);
      await route.fulfill({
        status: 200,
        body: readFileSync(file),
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
          'cache-control': 'no-store',
        },
      });
    });
  }
  return log;
}
