// The overlay's panel side as one chunk, fetched behind the launcher: the app and the stylesheet it needs, which it
// adds to the shadow root the launcher already lives in.

import type { Host } from './host/shadow-host';
import { registerKatexRoot } from './math/katex-assets';
import authorCss from './author/author.css?raw';
import checksCss from './checks/checks.css?raw';
import detailCss from './node/detail.css?raw';
import diagramCss from './diagram/diagram.css?raw';
import exploreCss from './explore/explore.css?raw';
import outlineCss from './outline/outline.css?raw';
import packCss from './pack/pack.css?raw';
import diagramPackCss from './pack/diagram-pack.css?raw';
import packMathCss from './math/pack-math.css?raw';
import panelCss from './panel/panel.css?raw';
import sidenotesCss from './sidenotes/sidenotes.css?raw';
import tourCss from './tour/tour.css?raw';
import viewsCss from './views/views.css?raw';

export { App } from './app';

export const APP_CSS = [
  panelCss,
  outlineCss,
  diagramCss,
  detailCss,
  viewsCss,
  packCss,
  diagramPackCss,
  packMathCss,
  tourCss,
  sidenotesCss,
  authorCss,
  checksCss,
  exploreCss,
].join('\n');

/** Adds the panel side's styles to the overlay's shadow root, and tells KaTeX where its stylesheet goes. */
export function attachApp(host: Pick<Host, 'root' | 'adopt'>): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(APP_CSS);
  host.adopt(sheet);
  registerKatexRoot(host.root, host.adopt);
}
