// Pages for the overlay's e2e tests: a small CNN that keeps predicting (so live views change), the same page with
// hostile global CSS or a strict CSP, a page without tf.js, and a large graph; plus helpers that reach into the
// overlay's open shadow root from the page.

import type { Page } from 'playwright-core';
import type { Route } from '../../demos/server';
import { html, TFJS_UMD } from './fixtures';

/**
 * The CNN: 28×28×1 → conv1 (8 filters 3×3, relu) → pool1 → flatten → probs (dense 10, softmax). Parameters:
 * conv1 3·3·1·8 + 8 = 80, probs 1352·10 + 10 = 13,530, total 13,610. It predicts on a fresh random input every
 * 60 ms, on the cpu backend, until the page goes away.
 */
export const CNN_SCRIPT = `
(async () => {
  await tf.setBackend('cpu');
  const model = tf.sequential({ name: 'digits_cnn', layers: [
    tf.layers.conv2d({ name: 'conv1', inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
    tf.layers.flatten({ name: 'flatten' }),
    tf.layers.dense({ name: 'probs', units: 10, activation: 'softmax' }),
  ] });
  window.model = model;
  let n = 0;
  const tick = () => {
    const y = tf.tidy(() => model.predict(tf.randomUniform([1, 28, 28, 1])));
    y.data().then((v) => { document.getElementById('out').textContent = 'run ' + (++n) + ': ' + Array.from(v).indexOf(Math.max(...v)); y.dispose(); });
  };
  tick();
  setInterval(tick, 60);
  document.documentElement.dataset.ready = '1';
})();
`;

const TF = TFJS_UMD['4.22.0']!;

function page(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

const ARTICLE = `<main><h1>Handwritten digits</h1><p>A small convolutional network reads a 28 × 28 drawing and says which
digit it is. <button id="page-button">A page button</button></p><output id="out"></output></main>`;

/** Styles a demo page might have: centred column. */
const PLAIN_CSS = `<style>body{font:16px/1.5 Georgia,serif;margin:0;background:#fafafa}main{max-width:640px;margin:40px auto;padding:0 20px}</style>`;

/** Global CSS that would wreck an overlay that let it in. */
export const HOSTILE_CSS = `<style>
* { all: unset; }
html { font-size: 48px !important; color: lime !important; }
button { display: none !important; }
div, section, span, canvas, ol, li { display: none !important; }
*:focus { outline: 10px solid red !important; }
literate-overlay { display: none !important; opacity: 0 !important; }
head, script, style, title { display: none !important; }
body, main, p, h1, output { display: block; }
</style>`;

/** tf.js itself needs 'unsafe-eval'; the styles, fonts and everything else are as strict as can be. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'";

export function overlayRoutes(): Route[] {
  return [
    { path: '/overlay/cnn.js', handler: js(CNN_SCRIPT) },
    {
      path: '/overlay/cnn.html',
      handler: html(
        page(
          'CNN',
          `${PLAIN_CSS}<script src="${TF}"></script>`,
          `${ARTICLE}<script src="/overlay/cnn.js"></script>`,
        ),
      ),
    },
    {
      path: '/overlay/hostile.html',
      handler: html(
        page(
          'Hostile CSS',
          `${HOSTILE_CSS}<script src="${TF}"></script>`,
          `${ARTICLE}<script src="/overlay/cnn.js"></script>`,
        ),
      ),
    },
    {
      path: '/overlay/csp.html',
      handler: (_req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': STRICT_CSP,
        });
        res.end(
          page(
            'Strict CSP',
            `<script src="${TF}"></script>`,
            `${ARTICLE}<script src="/overlay/cnn.js"></script>`,
          ),
        );
      },
    },
    { path: '/overlay/no-tfjs.html', handler: html(page('No tf.js', PLAIN_CSS, ARTICLE)) },
  ];
}

function js(body: string): Route['handler'] {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}

/** Evaluates `fn` against the overlay's shadow root (null when the overlay is not on the page). */
export function inShadow<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(
    `(() => { const root = document.querySelector('literate-overlay')?.shadowRoot ?? null; return (${fn})(root); })()`,
  ) as Promise<T>;
}

/** Fonts the document has for KaTeX, with their load status. */
export function katexFonts(page: Page): Promise<{ family: string; status: string }[]> {
  return page.evaluate(() =>
    [...(document.fonts as unknown as Iterable<FontFace>)]
      .filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX'))
      .map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status })),
  );
}
