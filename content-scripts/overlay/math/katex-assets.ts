// Loads KaTeX's look where it works: the stylesheet into the overlay's shadow root, the fonts onto the document
// (Chromium ignores @font-face in shadow roots). Fonts are registered through the FontFace API rather than a <style>
// in the page, so a page's style-src CSP cannot block them and nothing of ours shows in the page's DOM.

import browser from '../../../extension/browser';
import { parseFontFaces, withoutFontFaces } from './font-faces';

const CSS_PATH = 'katex/katex.min.css';
let cssText: Promise<string> | null = null;
let fontsInstalled: Promise<number> | null = null;
let target: { root: ShadowRoot; adopt: (sheet: CSSStyleSheet) => void } | null = null;
let stylesAttached = false;
let markStyled: () => void = () => undefined;
/** Resolves once KaTeX's stylesheet applies in the shadow root (equations measure themselves then). */
export let katexStyled: Promise<void> = new Promise((r) => (markStyled = r));

/** Where KaTeX's stylesheet goes once there is math to show (the overlay's shadow root). */
export function registerKatexRoot(root: ShadowRoot, adopt: (sheet: CSSStyleSheet) => void): void {
  target = { root, adopt };
  stylesAttached = false;
  katexStyled = new Promise((r) => (markStyled = r));
}

/** Loads KaTeX's stylesheet and fonts the first time an equation is shown; nothing before. */
export function ensureKatexAssets(): void {
  void installKatexFonts();
  if (stylesAttached || !target) return;
  stylesAttached = true;
  attachKatexStyles(target.root, target.adopt, () => markStyled());
}

function katexCss(): Promise<string> {
  cssText ??= fetch(browser.runtime.getURL(CSS_PATH)).then((r) => {
    if (!r.ok) throw new Error(`KaTeX stylesheet: HTTP ${r.status}`);
    return r.text();
  });
  cssText.catch(() => (cssText = null));
  return cssText;
}

/** Registers KaTeX's fonts on the document once; resolves to how many faces were added. They load when used. */
export function installKatexFonts(doc: Document = document): Promise<number> {
  fontsInstalled ??= katexCss()
    .then((css) => {
      let added = 0;
      for (const face of parseFontFaces(css)) {
        const url = browser.runtime.getURL(`katex/${face.file}`);
        const fontFace = new FontFace(face.family, `url("${url}") format("woff2")`, {
          style: face.style,
          weight: face.weight,
          display: 'block',
        });
        doc.fonts.add(fontFace);
        added++;
      }
      return added;
    })
    .catch(() => 0);
  return fontsInstalled;
}

/**
 * Puts KaTeX's stylesheet into the shadow root: a <link> to the extension's copy, and should the page's CSP block
 * that, the same text as a constructed stylesheet (adoptedStyleSheets are not subject to style-src).
 */
export function attachKatexStyles(
  root: ShadowRoot,
  adopt: (sheet: CSSStyleSheet) => void,
  onApplied: () => void = () => undefined,
): void {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = browser.runtime.getURL(CSS_PATH);
  link.dataset.literate = 'katex';
  link.addEventListener(
    'error',
    () => {
      void katexCss()
        .then((css) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(withoutFontFaces(css));
          adopt(sheet);
          link.remove();
          onApplied();
        })
        .catch(() => undefined);
    },
    { once: true },
  );
  link.addEventListener('load', onApplied, { once: true });
  root.prepend(link);
}
