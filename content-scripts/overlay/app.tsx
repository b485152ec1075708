// The overlay's panel side (its own chunk, loaded behind the launcher): the panel, opened and closed by the shell
// (launcher, keyboard command, popup), a tour step or an equation; remembers per site where the panel goes; keeps
// each model's outline state while closed. With an active pack: its provenance, tour and orphans at the top of the
// panel, its notes on the page.

import { t, tn } from '../../extension/ui/i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ChecksAndBudget } from './checks/checks-provider';
import { ChecksSection } from './checks/checks-section';
import { ChecksSummary } from './checks/checks-summary';
import { exportReport } from './checks/export-report';
import { StalenessBanner } from './checks/staleness-banner';
import { useChecks } from './checks/use-checks';
import { AuthorContext } from './author/author-context';
import { PickLayer } from './author/pick-layer';
import { useAuthoring } from './author/use-authoring';
import { WriteNotes } from './author/write-notes';
import { Orphans } from './pack/orphans';
import { HiddenNotesList } from './sidenotes/hidden-notes-list';
import { PackContext } from './pack/pack-context';
import { PackHeader } from './pack/pack-header';
import { usePackApp } from './pack/use-pack-app';
import { contentWithAnchors } from './sidenotes/layout';
import { panelSideForNotes } from './sidenotes/margin';
import { PageNotes, pageItems } from './sidenotes/page-notes';
import { Tour } from './tour/tour';
import { INITIAL_NAV, type OutlineNav } from './outline/model-outline';
import { ModelView } from './outline/model-view';
import { measureContent } from './panel/measure-content';
import { Panel } from './panel/panel';
import { PageShift } from './panel/page-shift';
import { panelHeight, placePanel, sideBySide, type PanelPrefs } from './panel/placement';
import { defaultModel, ModelTabs } from './panel/model-tabs';
import { useHold } from './state/use-hold';
import { ExploreContext, exploreFeedFor } from './explore/explore-context';
import { ExplorablesFollow } from './explorables/follow-views';
import { ExploreForModel } from './explore/explore-for-model';
import { openingModel, useCalledModels } from './state/use-called-models';
import { saveSitePrefs } from './state/site-prefs';
import { useSnapshot } from './state/use-page';
import { markOnce } from './state/timing';
import { PANEL_ID } from './panel/panel-id';
import type { PanelAppProps } from './shell';

export function App({ api, packs = null, root, prefs, open, onOpen, onClose, authoringAsk }: PanelAppProps) {
  const snapshot = useSnapshot(api);
  // One explore feed for the overlay: views get its api, so they show the reader's own input while they explore.
  const explore = exploreFeedFor(api);
  const [panel, setPanel] = useState<PanelPrefs>(() =>
    placePanel(window.innerWidth, measureContent(), prefs.panel ?? null),
  );
  const [chosenModel, setChosenModel] = useState<string | null>(null);
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [focusNode, setFocusNode] = useState(true);
  /** The reader has opened the panel at least once: the page notes stay until they are switched off. */
  const [explaining, setExplaining] = useState(open);
  const [navs, setNavs] = useState<Record<string, OutlineNav>>({});

  // Side by side: on a wide page, the page makes room for the open panel instead of being covered by it.
  const shift = useRef<PageShift | null>(null);
  const [viewport, setViewport] = useState(() => [window.innerWidth, window.innerHeight] as const);
  useEffect(() => {
    const onResize = () => setViewport([window.innerWidth, window.innerHeight]);
    window.addEventListener('resize', onResize, { passive: true });
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // A layout effect: the page gets its room back in the same commit that removes the panel (no frame in between).
  useLayoutEffect(() => {
    shift.current ??= new PageShift();
    const [vw, vh] = viewport;
    if (!open) shift.current.set(null, 0);
    else if (panel.side === 'bottom') shift.current.set('bottom', panelHeight(panel, vh));
    else if (!sideBySide(panel, vw)) shift.current.set(null, 0);
    else {
      const inner = document.documentElement.clientWidth || vw;
      shift.current.fit(panel.side, panel.width, inner, () => measureContent());
    }
  }, [open, panel.side, panel.width, panel.height, viewport]);
  useLayoutEffect(() => () => shift.current?.set(null, 0), []);

  const models = snapshot.models;
  // Until the reader chooses, the panel opens on a model the page is calling (a page may keep models it no longer runs).
  const called = useCalledModels(api, models, open && chosenModel === null);
  const model =
    models.find((m) => m.id === chosenModel) ?? openingModel(defaultModel(models), models, called);

  const close = () => {
    setReturnTo(null);
    onClose();
  };
  const show = () => {
    onOpen();
    setExplaining(true);
  };
  // Opened by the shell (launcher, keyboard command, popup) or here; closed there too.
  useEffect(() => {
    if (open) setExplaining(true);
    else setReturnTo(null);
  }, [open]);
  const pack = usePackApp(api, packs, {
    openPanel: show,
    openNode: (graphId, id) => {
      // Opened by a tour step or an equation symbol: focus stays where the reader is.
      setFocusNode(false);
      setChosenModel(graphId);
      setNodeId(id);
      setReturnTo(null);
    },
  });
  const { session } = pack;
  // A pack bound to models holds them while it is active (the panel's own model is held by its view).
  useHold(api, session ? [...session.bindings.graphs.values()].map((g) => g.id) : []);
  const authoring = useAuthoring(api, packs, root.host);
  const checks = useChecks(api, session, pack.settings.runChecksOnLoad);

  // The authoring shortcut: writing starts (the panel was closed: it opens with focus on the authoring switch) or,
  // in an open panel, toggles, with focus moved to the switch.
  const authorSwitch = () => root.querySelector<HTMLElement>('.author-switch button');
  const focusedForAsk = useRef(0);
  useEffect(() => {
    if (!authoringAsk || authoringAsk.n === 0) return;
    authoring.setOn(authoringAsk.wasOpen ? !authoring.on : true);
    if (authoringAsk.wasOpen) authorSwitch()?.focus();
  }, [authoringAsk?.n]);
  // Read by the panel as it mounts (before the effect above runs): opened by the shortcut, focus the switch.
  const focusOnOpen = () => {
    if (!authoringAsk || authoringAsk.wasOpen || authoringAsk.n <= focusedForAsk.current) return null;
    focusedForAsk.current = authoringAsk.n;
    return authorSwitch();
  };

  // The reader's theme (auto follows the system).
  useEffect(() => {
    root.querySelector('.lt')?.setAttribute('data-theme', pack.settings.theme);
  }, [pack.settings.theme]);

  // With notes for the page and no side the reader chose, the panel goes where it leaves the notes a margin.
  const placedForNotes = useRef<string | null>(null);
  useEffect(() => {
    if (!session || !open || prefs.panel || placedForNotes.current === session.active.key) return;
    placedForNotes.current = session.active.key;
    const anchors = pageItems(session.resolution.placed).map((p) => p.page.element.getBoundingClientRect());
    const width = window.innerWidth;
    const side = panelSideForNotes(width, contentWithAnchors(measureContent(), anchors, width), panel.width);
    if (side && side !== panel.side && panel.side !== 'bottom') setPanel({ ...panel, side });
  }, [session, open]);
  // A reader who acts on the model shown (a click, a key, a switch to the diagram) has chosen it: the panel no longer
  // moves to another model the page is seen calling.
  const keepShownModel = () => {
    if (chosenModel === null && model) setChosenModel(model.id);
  };
  const selectNode = (id: string | null) => {
    keepShownModel();
    setFocusNode(true);
    setReturnTo(id === null ? nodeId : null);
    setNodeId(id);
  };
  const selectModel = (id: string) => {
    setChosenModel(id);
    setNodeId(null);
    setReturnTo(null);
  };

  // The page notes come in the task after the panel's, so the outline shows first.
  const [notesReady, setNotesReady] = useState(false);
  useEffect(() => {
    if (!explaining || notesReady) return;
    const timer = setTimeout(() => setNotesReady(true), 0);
    return () => clearTimeout(timer);
  }, [explaining]);
  const notesOn = notesReady && pack.notesShown && session !== null;
  const tree = (
    <PackContext.Provider value={pack.ui}>
      <AuthorContext.Provider value={authoring.ui}>
        <ChecksAndBudget checks={checks} budget={pack.budget}>
          {open && (
            <Panel
              id={PANEL_ID}
              title="Literate"
              subtitle={tn('panelModels', models.length)}
              prefs={panel}
              onPrefs={(p, commit) => {
                setPanel(p);
                if (commit) void saveSitePrefs({ panel: p });
              }}
              onClose={close}
              focusOnOpen={focusOnOpen}
            >
              <WriteNotes
                authoring={authoring}
                drafts={packs?.drafts}
                active={packs?.state().active ?? null}
                root={root}
              />
              {session && (
                <PackHeader
                  session={session}
                  notesShown={pack.notesShown}
                  onNotesShown={pack.setNotesShown}
                  pageNotes={pack.pageNoteCount}
                />
              )}
              {session && checks && (
                <ChecksSummary
                  onExport={() =>
                    exportReport(checks.controller, session.active.pack.id, {
                      placed: session.resolution.placed.length - pack.hiddenNotes.length,
                      hidden: pack.hiddenNotes.map((h) => ({ id: h.annotation.id, reason: h.reason })),
                      orphans: session.resolution.orphans.map((o) => ({
                        id: o.annotation.id,
                        reasons: o.reasons,
                      })),
                      elsewhere: session.resolution.elsewhere.length,
                    })
                  }
                />
              )}
              {session && <StalenessBanner />}
              {session?.active.pack.steps && packs && (
                <Tour
                  steps={session.active.pack.steps}
                  step={pack.step}
                  onStep={pack.setStep}
                  shareLink={(step) => packs.shareLink(step)}
                />
              )}
              {session && <Orphans session={session} orphans={session.resolution.orphans} />}
              {session && <HiddenNotesList session={session} hidden={pack.hiddenNotes} />}
              {session && <ChecksSection />}
              {models.length > 1 && model && (
                <ModelTabs models={models} selected={model.id} onSelect={selectModel} />
              )}
              <div
                id="lt-model-panel"
                onPointerDownCapture={keepShownModel}
                onKeyDownCapture={keepShownModel}
                {...(models.length > 1 && model
                  ? { role: 'tabpanel', 'aria-labelledby': `lt-tab-${model.id}` }
                  : {})}
              >
                {model && (
                  <ExploreForModel key={`explore-${model.id}`} api={api} model={model} host={root.host} />
                )}
                {model ? (
                  <ModelView
                    key={model.id}
                    api={explore.api}
                    model={model}
                    nav={navs[model.id] ?? INITIAL_NAV}
                    onNav={(nav) => {
                      keepShownModel();
                      setNavs((all) => ({ ...all, [model.id]: nav }));
                    }}
                    nodeId={nodeId}
                    onNode={selectNode}
                    returnTo={returnTo}
                    focusNode={focusNode}
                    onOutlineShown={() => markOnce('literate:outline-visible')}
                  />
                ) : (
                  <p class="state muted">{t('panelNoModel')}</p>
                )}
              </div>
            </Panel>
          )}
          {notesOn && (
            <PageNotes
              panel={open && panel.side !== 'bottom' ? { side: panel.side, width: panel.width } : null}
            />
          )}
          <PickLayer authoring={authoring} />
          {/* A pack control the reader moves drives its model's open views, as Try your own input does. */}
          <ExplorablesFollow feed={explore} />
        </ChecksAndBudget>
      </AuthorContext.Provider>
    </PackContext.Provider>
  );
  // Pack controls find the same feed as the explore section (to say when the views show their input).
  return <ExploreContext.Provider value={explore}>{tree}</ExploreContext.Provider>;
}
