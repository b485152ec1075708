// Puts the overlay on the page: the host element and shadow root with our styles, and the Preact app in it.

import { render } from 'preact';
import { getPacksApi, type ContentApi } from '../relay/content-api';
import { App } from './app';
import { createHost, type Host } from './host/shadow-host';
import { THEME_CSS } from './host/theme-css';
import { LAUNCHER_CSS } from './launcher/launcher-css';
import { registerKatexRoot } from './math/katex-assets';
import { AUTHOR_CSS } from './author/author-css';
import { DETAIL_CSS } from './node/detail-css';
import { OUTLINE_CSS } from './outline/outline-css';
import { PANEL_CSS } from './panel/panel-css';
import { loadSitePrefs, type SitePrefs } from './state/site-prefs';
import { VIEWS_CSS } from './views/views-css';
import { PACK_MATH_CSS } from './math/pack-math-css';
import { PACK_CSS } from './pack/pack-css';
import { CHECKS_CSS } from './checks/checks-css';
import { SIDENOTES_CSS } from './sidenotes/sidenotes-css';
import { TOUR_CSS } from './tour/tour-css';

export const OVERLAY_CSS = [
  THEME_CSS,
  LAUNCHER_CSS,
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

/** Waits briefly for the stored layout, so the launcher does not jump after it appears. */
function prefsSoon(ms: number): Promise<SitePrefs> {
  return Promise.race([loadSitePrefs(), new Promise<SitePrefs>((r) => setTimeout(() => r({}), ms))]);
}

export async function mountOverlay(api: ContentApi): Promise<Host> {
  const prefs = await prefsSoon(250);
  const host = createHost(OVERLAY_CSS);
  registerKatexRoot(host.root, host.adopt);
  render(<App api={api} packs={getPacksApi()} root={host.root} prefs={prefs} />, host.container);
  return host;
}
