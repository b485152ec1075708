// Open views follow a pack's controls: each run the reader asks of a control (moved, picked, drew, revealed) becomes
// the model's "your input" in the overlay's explore feed, so every open layer view and diagram thumbnail of the model
// shows it; the control then says so, with the way back to the page's input (as the panel's explore section does).

import { t } from '../../../extension/ui/i18n';
import { useEffect } from 'preact/hooks';
import type { ControlAnnotation } from '../../../annotations/format/types';
import type { ExploreFeed } from '../explore/explore-feed';
import { useExploreFeed } from '../explore/explore-context';
import type { ExploreSession, InputOwner } from '../explore/explore-session';
import { useViewsOwner } from '../explore/views-owner';
import type { ExplorablesStore } from './explorables-store';
import { useExplorables } from './use-explorables';

/** The views' owner a control becomes when the reader acts on it. */
export function controlOwner(controlId: string, label: string): InputOwner {
  return { id: `control:${controlId}`, label };
}

/**
 * Hands every run the reader asks of the active pack's controls to the explore feed; gives the views back to the
 * page when the pack goes (a control that no longer exists must not keep them).
 */
export function followControls(store: ExplorablesStore, feed: ExploreFeed): () => void {
  const driven = new Map<ExploreSession, Set<string>>();
  const off = store.onRun((run) => {
    const session = feed.session(run.graph);
    const owner = controlOwner(run.controlId, run.label);
    session.setInput(run.input, owner);
    const ids = driven.get(session) ?? new Set<string>();
    ids.add(owner.id);
    driven.set(session, ids);
  });
  return () => {
    off();
    for (const [session, ids] of driven) for (const id of ids) session.release(id);
  };
}

/** Mounted once in the panel's app, inside the checks context: wires the pack's controls to the feed. */
export function ExplorablesFollow({ feed }: { feed: ExploreFeed }) {
  const store = useExplorables();
  useEffect(() => (store ? followControls(store, feed) : undefined), [store, feed]);
  return null;
}

/** Under a control the reader moved: "views show your input" and the way back to the page's input. */
export function ControlFollowLine({
  annotation,
  store,
}: {
  annotation: ControlAnnotation;
  store: ExplorablesStore;
}) {
  const feed = useExploreFeed();
  const graph = store.graphOf(annotation.id);
  const session = feed && graph ? feed.session(graph) : null;
  const owner = useViewsOwner(session);
  const mine = controlOwner(annotation.id, annotation.body.label);
  const following = session !== null && owner?.id === mine.id;
  // The status region stays in place, so a screen reader hears the line when it appears.
  return (
    <div class="xp-follow">
      <span role="status">{following && <span class="ex-mode on">{t('exModeYours')}</span>}</span>
      {following && (
        <button type="button" class="ex-button" onClick={() => session.release(mine.id)}>
          {t('exBackToPage')}
        </button>
      )}
    </div>
  );
}
