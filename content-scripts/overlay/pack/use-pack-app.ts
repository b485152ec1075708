// The app's side of the active pack: the session, the tour step (a share link's step opens the panel there), the
// notes switch, the context value for the components, and the status the popup shows (orphans, notes on hidden
// elements, step).

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ContentApi } from '../../relay/content-api';
import type { PacksApi } from '../../relay/packs-api';
import { tapBudgetOf, type Settings } from '../../../extension/settings/settings';
import { useHiddenNotes, type HiddenNote } from '../sidenotes/hidden-notes';
import { pageItems } from '../sidenotes/page-notes';
import { clampStep, type StepFocus } from '../tour/tour-focus';
import { useTourEffects, useTourFocus } from '../tour/use-tour';
import { PackBus } from './bus';
import type { PackUi } from './pack-context';
import { usePackSession, usePacksState, useSettings, type PackSession } from './use-pack-session';

export interface PackApp {
  session: PackSession | null;
  ui: PackUi | null;
  settings: Settings;
  budget: ReturnType<typeof tapBudgetOf>;
  step: number | null;
  setStep(step: number | null): void;
  focus: StepFocus | null;
  notesShown: boolean;
  setNotesShown(shown: boolean): void;
  pageNoteCount: number;
  /** Placed page notes whose element the page does not show now (listed in the panel with the reason). */
  hiddenNotes: HiddenNote[];
}

export function usePackApp(
  api: ContentApi,
  packs: PacksApi | null,
  options: { openPanel(): void; openNode(graphId: string, nodeId: string): void },
): PackApp {
  const state = usePacksState(packs);
  const active = state?.active ?? null;
  const settings = useSettings(packs);
  const session = usePackSession(api, packs, active, settings);
  const bus = useMemo(() => new PackBus(), []);
  const [step, setStep] = useState<number | null>(null);
  const [notesShown, setNotesShown] = useState(true);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const stepCount = active?.pack.steps?.length ?? 0;

  // A new pack: its own tour position; a share link's step opens the panel at that step.
  useEffect(() => {
    setNotesShown(true);
    if (active && active.step !== null && stepCount > 0) {
      setStep(clampStep(active.step, stepCount));
      optionsRef.current.openPanel();
    } else setStep(null);
  }, [active?.key, active?.step]);

  const focus = useTourFocus(session, step);
  const openNode = useMemo(
    () => (graphId: string, nodeId: string) => optionsRef.current.openNode(graphId, nodeId),
    [],
  );
  useTourEffects(focus, step, bus, openNode);

  const hiddenNotes = useHiddenNotes(session?.resolution.placed);
  useEffect(() => {
    if (!packs || !session) return;
    const { placed, orphans } = session.resolution;
    packs.reportStatus({
      packKey: session.active.key,
      orphans: orphans.length,
      anchored: placed.length - hiddenNotes.length,
      hidden: hiddenNotes.length,
      step,
    });
  }, [packs, session?.resolution, session?.active.key, step, hiddenNotes]);

  const stepIds = useMemo(() => new Set(focus?.items.map((i) => i.annotation.id) ?? []), [focus]);
  const ui = useMemo<PackUi | null>(
    () => (session ? { session, bus, stepIds, openNode } : null),
    [session, bus, stepIds],
  );
  // Render the page notes while the page is idle, so that opening the panel only has to place them.
  useEffect(() => {
    if (!session) return;
    const todo = pageItems(session.resolution.placed).map((p) => p.annotation);
    const idle =
      typeof requestIdleCallback === 'function'
        ? (fn: (d: IdleDeadline) => void) => requestIdleCallback(fn, { timeout: 2000 })
        : (fn: (d: IdleDeadline) => void) =>
            setTimeout(
              () => fn({ didTimeout: true, timeRemaining: () => 8 } as IdleDeadline),
              50,
            ) as unknown as number;
    const cancel = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout;
    let handle = 0;
    let stopped = false;
    const work = (deadline: IdleDeadline) => {
      if (stopped) return;
      while (todo.length > 0 && (deadline.timeRemaining() > 4 || deadline.didTimeout)) {
        try {
          session.render(todo.shift()!);
        } catch {
          // Ahead-of-time only: the note renders again (and shows its problem) when it is drawn.
        }
        if (deadline.didTimeout) break;
      }
      if (todo.length > 0) handle = idle(work);
    };
    handle = idle(work);
    return () => {
      stopped = true;
      cancel(handle);
    };
  }, [session?.active.key, session?.resolution]);

  const pageNoteCount = useMemo(
    () => (session ? pageItems(session.resolution.placed).length : 0),
    [session?.resolution],
  );
  return {
    session,
    ui,
    settings,
    budget: tapBudgetOf(settings),
    step,
    setStep,
    focus,
    notesShown,
    setNotesShown,
    pageNoteCount,
    hiddenNotes,
  };
}
