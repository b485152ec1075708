// Drives each official-demo stand-in as a reader would (clicks, typing, waiting for the page's own results), so the
// page's model calls happen the way they do on the real demo before Literate's checks look at them.

import type { Page } from 'playwright-core';
import type { OfficialDemoId } from '../../demos/official/sites';

const LONG = 180_000;

async function ready(page: Page, attribute: string): Promise<void> {
  await page.waitForSelector(`html[data-${attribute}], html[data-error]`, { timeout: LONG });
  const error = await page.evaluate(() => document.documentElement.dataset.error ?? null);
  if (error) throw new Error(`the page failed: ${error}`);
}

/** What the page showed at the end (for the report). */
export async function driveDemo(id: OfficialDemoId, page: Page): Promise<string> {
  switch (id) {
    case 'posenet':
      await ready(page, 'ready');
      return page.evaluate(() => {
        const d = document.documentElement.dataset;
        return `poses ${d.poses}; best pose score ${d.poseScore}; keypoints ${d.keypoints}`;
      });
    case 'mobilenet':
      await ready(page, 'ready');
      return `top 3 ${await page.evaluate(() => document.documentElement.dataset.top)}`;
    case 'knn-classifier': {
      await ready(page, 'ready');
      // Three classes, three frames each, as a reader pressing "Train i" with the camera on three scenes.
      const scenes = ['images/daisy.jpg', 'images/coffee.jpg', 'images/posenet-frisbee.jpg'];
      let total = 0;
      for (const [i, scene] of scenes.entries()) {
        await page.selectOption('#scene', scene);
        await page.waitForSelector(`html[data-scene="${scene}"]`, { timeout: 30_000 });
        for (let n = 1; n <= 3; n++) {
          await page.locator(`#train-${i}`).click();
          total += 1;
          await page.waitForFunction(
            (want) =>
              (document.documentElement.dataset.counts ?? '')
                .split(' ')
                .reduce((a, b) => a + Number(b), 0) === want,
            total,
            { timeout: LONG },
          );
        }
      }
      await page.selectOption('#scene', 'images/coffee.jpg');
      await page.waitForFunction(
        () => (document.documentElement.dataset.prediction ?? '').endsWith('(images/coffee.jpg)'),
        null,
        { timeout: LONG },
      );
      // The frame after the scene changed may still show the old photo: take the prediction of a later frame.
      const frames = await page.evaluate(() => Number(document.documentElement.dataset.frames ?? 0));
      await page.waitForFunction(
        (f) => Number(document.documentElement.dataset.frames ?? 0) >= f + 2,
        frames,
        { timeout: LONG },
      );
      return page.evaluate(() => {
        const d = document.documentElement.dataset;
        return `examples ${d.counts}; coffee → class ${d.prediction}`;
      });
    }
    case 'automl':
      await ready(page, 'ready');
      return page.evaluate(() => {
        const d = document.documentElement.dataset;
        return `top class ${d.top}; probabilities ${d.probs}`;
      });
    case 'translation': {
      await page.locator('#load-pretrained-remote').click({ timeout: LONG });
      await ready(page, 'ready');
      await page.locator('#englishSentence').fill('');
      await page.locator('#englishSentence').pressSequentially('Run!');
      await page.waitForFunction(
        () => (document.documentElement.dataset.translated ?? '').startsWith('Run! →'),
        null,
        { timeout: LONG },
      );
      return String(await page.evaluate(() => document.documentElement.dataset.translated));
    }
    case 'webcam-transfer-learning': {
      await ready(page, 'ready');
      const scenes: [string, string][] = [
        ['images/daisy.jpg', 'up'],
        ['images/coffee.jpg', 'down'],
        ['images/posenet-frisbee.jpg', 'left'],
      ];
      for (const [scene, control] of scenes) {
        await page.selectOption('#scene', scene);
        await page.waitForSelector(`html[data-scene="${scene}"]`, { timeout: 30_000 });
        for (let i = 1; i <= 3; i++) {
          await page.locator(`#${control}`).click();
          await page.waitForFunction(
            ([c, n]) => document.getElementById(`${c}-total`)?.textContent === String(n),
            [control, i] as const,
            { timeout: LONG },
          );
        }
      }
      await page.locator('#train').click();
      await ready(page, 'trained');
      await page.selectOption('#scene', 'images/coffee.jpg');
      await page.waitForSelector('html[data-scene="images/coffee.jpg"]', { timeout: 30_000 });
      await page.locator('#predict').click();
      await page.waitForFunction(() => document.documentElement.dataset.prediction, null, { timeout: LONG });
      return `loss ${await page.evaluate(() => document.documentElement.dataset.trained)}, coffee → ${await page.evaluate(() => document.documentElement.dataset.prediction)}`;
    }
  }
}
