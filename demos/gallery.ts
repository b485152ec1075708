// The gallery's pages, read from its index: one list for `npm start`, `literate pack preview` and the e2e tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './server';

/** Page folder names linked from demos/index.html (`href="/demos/<name>/"`), in order. */
export function galleryPages(root = REPO_ROOT): string[] {
  const html = readFileSync(join(root, 'demos/index.html'), 'utf8');
  return [...new Set([...html.matchAll(/href="\/demos\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!))];
}
