// Puts the overlay on the page: the host element and shadow root with the launcher's styles, and the shell in it,
// which fetches the panel side (its own chunk) as soon as the launcher is drawn.

import { render } from 'preact';
import { getPacksApi, type ContentApi } from '../relay/content-api';
import { createHost, type Host } from './host/shadow-host';
import themeCss from './host/theme.css?raw';
import launcherCss from './launcher/launcher.css?raw';
import forcedColorsCss from './host/forced-colors.css?raw';
import { Overlay, type AppModule } from './shell';
import { loadSitePrefs, type SitePrefs } from './state/site-prefs';

/** Waits briefly for the stored layout, so the launcher does not jump after it appears. */
function prefsSoon(ms: number): Promise<SitePrefs> {
  return Promise.race([loadSitePrefs(), new Promise<SitePrefs>((r) => setTimeout(() => r({}), ms))]);
}

export async function mountOverlay(api: ContentApi): Promise<Host> {
  const prefs = await prefsSoon(250);
  const host = createHost([themeCss, launcherCss, forcedColorsCss].join('\n'));
  let app: Promise<AppModule> | null = null;
  const loadApp = (): Promise<AppModule> => {
    app ??= import(/* webpackChunkName: "app" */ './app-module').then((module) => {
      module.attachApp(host);
      return module;
    });
    app.catch(() => (app = null)); // a failed load can be tried again
    return app;
  };
  void loadApp().catch(() => undefined); // asked for now: its round trip through the background overlaps the launcher's drawing
  render(
    <Overlay api={api} packs={getPacksApi()} root={host.root} prefs={prefs} loadApp={loadApp} />,
    host.container,
  );
  return host;
}
