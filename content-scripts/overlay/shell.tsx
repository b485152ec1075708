// The overlay's first part, small so it shows at once: the launcher, the keyboard command and the open/closed state.
// The rest (panel, outline, packs, notes, tours) is its own chunk, asked for as the launcher is drawn; a click before
// it arrives shows the launcher busy and opens the panel the moment it can.

import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentApi } from '../relay/content-api';
import type { PacksApi } from '../relay/packs-api';
import { Launcher } from './launcher/launcher';
import { DEFAULT_POSITION, type LauncherPosition } from './launcher/position';
import { onLoadError, reportLoadError } from './boot/load-errors';
import { PANEL_ID } from './panel/panel-id';
import { saveSitePrefs, type SitePrefs } from './state/site-prefs';
import { markOnce } from './state/timing';

/** What the panel side gets from the shell: the open state is the shell's, so the launcher never waits for it. */
export interface PanelAppProps {
  api: ContentApi;
  packs?: PacksApi | null;
  root: ShadowRoot;
  prefs: SitePrefs;
  open: boolean;
  onOpen(): void;
  onClose(): void;
  /** The authoring shortcut was pressed (`n` counts the presses): on when the panel was closed, else toggled. */
  authoringAsk?: AuthoringAsk;
}

export interface AuthoringAsk {
  n: number;
  wasOpen: boolean;
}

export interface AppModule {
  App: ComponentType<PanelAppProps>;
}

export interface OverlayProps {
  api: ContentApi;
  packs?: PacksApi | null;
  root: ShadowRoot;
  prefs: SitePrefs;
  /** Loads the panel side (a chunk in the extension; the module itself in tests). */
  loadApp(): Promise<AppModule>;
}

export function Overlay({ api, packs = null, root, prefs, loadApp }: OverlayProps) {
  const [app, setApp] = useState<AppModule | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [launcher, setLauncher] = useState<LauncherPosition>(prefs.launcher ?? DEFAULT_POSITION);
  const [authoringAsk, setAuthoringAsk] = useState<AuthoringAsk>({ n: 0, wasOpen: false });
  const openRef = useRef(open);
  openRef.current = open;
  const restoreFocus = useRef(false);

  // The outline's graph comes from the page's world: ask for it as soon as the reader shows interest, in parallel with
  // the panel's code (cached by the content script; the outline's own describe then answers at once).
  const prepare = () => {
    const model = api.snapshot().models[0];
    if (model) void api.describe(model.id).catch(() => undefined);
  };
  const show = () => {
    markOnce('literate:panel-opened');
    prepare();
    setOpen(true);
  };
  const close = () => {
    // Focus goes back to the launcher only if it was in the overlay (not when the page had it).
    restoreFocus.current = root.activeElement !== null;
    setOpen(false);
  };
  const toggle = () => (openRef.current ? close() : show());
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  useEffect(() => {
    const stop = new AbortController();
    api.onCommand((command) => {
      if (command === 'open-overlay') return show();
      if (command === 'toggle-overlay') return toggleRef.current();
      const wasOpen = openRef.current;
      show();
      setAuthoringAsk((ask) => ({ n: ask.n + 1, wasOpen }));
    }, stop.signal);
    markOnce('literate:launcher-visible');
    // The panel's code is asked for at once; it arrives through the background after the launcher is drawn.
    let alive = true;
    onLoadError((message) => alive && setLoadError(message), stop.signal);
    loadApp().then(
      (module) => alive && setApp(() => module),
      (error: unknown) => alive && reportLoadError('panel', error),
    );
    return () => {
      alive = false;
      stop.abort();
    };
  }, [api]);

  useEffect(() => {
    if (open || !restoreFocus.current) return;
    restoreFocus.current = false;
    root.querySelector<HTMLElement>('.launcher')?.focus();
  }, [open]);

  const App = app?.App;
  return (
    <>
      <Launcher
        position={launcher}
        expanded={open}
        hidden={open && !!App}
        busy={open && !App && !loadError}
        controls={PANEL_ID}
        onToggle={toggle}
        onMoved={(p) => {
          setLauncher(p);
          void saveSitePrefs({ launcher: p });
        }}
        onIntent={prepare}
      />
      {loadError && open && (
        <p class="load-error" role="alert">
          {loadError}
        </p>
      )}
      {App && (
        <App
          api={api}
          packs={packs}
          root={root}
          prefs={{ ...prefs, launcher }}
          open={open}
          onOpen={show}
          onClose={close}
          authoringAsk={authoringAsk}
        />
      )}
    </>
  );
}
