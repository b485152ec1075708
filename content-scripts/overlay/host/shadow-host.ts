// The overlay's host: a custom element appended to <html> (outside the page's <body> and its styles) with an open
// shadow root, our styles adopted as constructed stylesheets (not subject to the page's style-src CSP), and a
// container for the Preact app.

import { directionOf, uiLanguage } from '../../../extension/ui/i18n';

export interface Host {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
  /** Adds a stylesheet to the shadow root (constructed; a <style> where adoption is not possible). */
  adopt(sheet: CSSStyleSheet): void;
  remove(): void;
}

export const HOST_TAG = 'literate-overlay';

function adopter(root: ShadowRoot): (sheet: CSSStyleSheet) => void {
  return (sheet) => {
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // Firefox content scripts cannot always assign adoptedStyleSheets (Xray wrappers): fall back to <style>.
      const style = document.createElement('style');
      style.textContent = [...sheet.cssRules].map((r) => r.cssText).join('\n');
      root.append(style);
    }
  };
}

export function createHost(cssText: string, doc: Document = document): Host {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const adopt = adopter(root);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  adopt(sheet);
  const container = doc.createElement('div');
  container.className = 'lt';
  // The overlay speaks the reader's language; pack content inside it carries its own lang and dir.
  const language = uiLanguage();
  container.lang = language;
  container.dir = directionOf(language);
  root.append(container);
  doc.documentElement.append(host);
  return { host, root, container, adopt, remove: () => host.remove() };
}
