// The overlay's panel side as one chunk, fetched behind the launcher: the app and the stylesheet it needs, which it
// adds to the shadow root the launcher already lives in.

import type { Host } from './host/shadow-host';
import { registerKatexRoot } from './math/katex-assets';
import { AUTHOR_CSS } from './author/author-css';
import { CHECKS_CSS } from './checks/checks-css';
import { DETAIL_CSS } from './node/detail-css';
import { OUTLINE_CSS } from './outline/outline-css';
import { PACK_CSS } from './pack/pack-css';
import { PACK_MATH_CSS } from './math/pack-math-css';
import { PANEL_CSS } from './panel/panel-css';
import { SIDENOTES_CSS } from './sidenotes/sidenotes-css';
import { TOUR_CSS } from './tour/tour-css';
import { VIEWS_CSS } from './views/views-css';

export { App } from './app';

export const APP_CSS = [
  PANEL_CSS,
  OUTLINE_CSS,
  DETAIL_CSS,
  VIEWS_CSS,
  PACK_CSS,
  PACK_MATH_CSS,
  TOUR_CSS,
  SIDENOTES_CSS,
  AUTHOR_CSS,
  CHECKS_CSS,
].join('\n');

/** Adds the panel side's styles to the overlay's shadow root, and tells KaTeX where its stylesheet goes. */
export function attachApp(host: Pick<Host, 'root' | 'adopt'>): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(APP_CSS);
  host.adopt(sheet);
  registerKatexRoot(host.root, host.adopt);
}
