// `npm start -- --firefox`: the gallery in Firefox (firefox-esr or FIREFOX_PATH) with dist/firefox installed as a
// temporary add-on, over WebDriver BiDi. With a display it stays open; headless it visits every gallery page,
// prints each page's toolbar badge and writes the same screenshots as the Chromium path (firefox-*.png).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { galleryPages } from '../demos/gallery';
import { ADDON_DIR, badgeText, launchFirefox, tabIdOf } from '../test/e2e-firefox/harness';

export async function startFirefox(
  galleryUrl: string,
  headless: boolean,
  screenshotsDir: string,
): Promise<void> {
  const session = await launchFirefox({ headless });
  const page = await session.newPage();
  await page.goto(galleryUrl);
  if (!headless) {
    console.log(
      `Firefox is open with Literate (${ADDON_DIR}) as a temporary add-on. Close it or press Ctrl+C.`,
    );
    await new Promise<void>((done) => session.browser.once('disconnected', () => done()));
    return;
  }
  console.log(
    'No display found: running Firefox headless and taking screenshots of the gallery with Literate.',
  );
  mkdirSync(screenshotsDir, { recursive: true });
  const shots = [join(screenshotsDir, 'firefox-gallery.png')];
  await page.screenshot({ path: shots[0] as `${string}.png` });
  for (const name of galleryPages()) {
    await page.goto(`${galleryUrl}/demos/${name}/`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 3000));
    const path = join(screenshotsDir, `firefox-${name}.png`);
    await page.screenshot({ path: path as `${string}.png` });
    shots.push(path);
    const badge = await tabIdOf(session, page)
      .then((id) => badgeText(session, id))
      .catch(() => '?');
    console.log(`  ${name.padEnd(20)} toolbar badge: ${badge || '(empty)'}`);
  }
  console.log(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  await session.close();
}
