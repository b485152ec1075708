// The overlay's host: a custom element appended to <html> (outside the page's <body> and its styles) with an open
// shadow root, our styles adopted as constructed stylesheets (not subject to the page's style-src CSP), and a
// container for the Preact app.

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
  container.lang = 'en';
  container.dir = 'ltr';
  root.append(container);
  doc.documentElement.append(host);
  return { host, root, container, adopt, remove: () => host.remove() };
}
