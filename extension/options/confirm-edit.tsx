// Why: an edited copy of a pack made in the overlay (which the page can script) is stored only on the reader's
// answer here, in an extension page no web page can reach: its title and version, the pack and source it edits,
// where it would show (pages added are called out) and which notes it adds, removes or changes.

import { useEffect, useState } from 'preact/hooks';
import type { ActionResult } from '../../protocol/packs-messages';
import type { EditView } from '../../protocol/pack-edits';
import { ask, errorText } from '../ui/ask';

const list = (ids: string[]): string => (ids.length === 0 ? 'none' : ids.join(', '));

export function ConfirmEdit({ id }: { id: string }) {
  const [view, setView] = useState<EditView | null | 'loading'>('loading');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    // (Cast: the reply is typed by the request map; the cast keeps this file independent of how `ask` is typed.)
    void ask({ type: 'edit-get', id }).then(
      (v) => setView(v as EditView | null),
      () => setView(null),
    );
  }, [id]);

  const answer = async (accept: boolean) => {
    const result = (await ask({ type: 'edit-answer', id, accept }).catch((e: unknown): ActionResult => ({
      ok: false,
      reason: errorText(e),
    }))) as ActionResult;
    setDone(
      result.ok
        ? accept
          ? 'Kept as your copy (“Your edits”). You can close this window.'
          : 'Not kept. You can close this window.'
        : result.reason,
    );
    if (result.ok) setTimeout(() => window.close(), 800);
  };

  if (view === 'loading') return <p class="muted">Loading…</p>;
  if (view === null)
    return (
      <>
        <h1>Nothing to confirm</h1>
        <p>This edited copy has expired or was already answered. Press “Keep as my copy” again to see it.</p>
      </>
    );
  const s = view.summary;
  return (
    <>
      <h1>Keep this edited copy?</h1>
      <p>
        {view.page ? (
          <>
            Authoring mode on <strong>{view.page}</strong> asked
          </>
        ) : (
          'Authoring mode asked'
        )}{' '}
        Literate to keep an edited copy of a pack. If you did not just press “Keep as my copy”, say no: the
        page may have done it.
      </p>
      <dl class="provenance" data-testid="edit-summary">
        <dt>Title</dt>
        <dd data-testid="edit-title">{s.title}</dd>
        <dt>Version</dt>
        <dd>
          {s.version}
          {view.original ? ` (edits version ${view.original.version} of “${view.original.title}”)` : ''}
        </dd>
        <dt>Edits</dt>
        <dd>{view.original ? view.original.source : 'a pack no longer stored'}</dd>
        <dt>By</dt>
        <dd>{s.authors.join(', ')}</dd>
        <dt>Shows on</dt>
        <dd data-testid="edit-pages">
          {s.pages.kept.map((p) => (
            <code key={p}>{p} </code>
          ))}
          {s.pages.added.length > 0 && (
            <strong class="warn" data-testid="edit-pages-added">
              New pages: {s.pages.added.join(', ')}
            </strong>
          )}
        </dd>
        <dt>Notes</dt>
        <dd data-testid="edit-items">
          added: {list(s.items.added)}; changed: {list(s.items.changed)}; removed: {list(s.items.removed)}
          {s.steps > 0 ? `; a tour of ${s.steps} steps` : ''}
        </dd>
      </dl>
      {s.idChanged && <p class="warn">Its pack id differs from the original’s.</p>}
      {view.replaces && <p>It replaces the edited copy of this pack you kept before.</p>}
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => void answer(true)}>
            Keep as my copy
          </button>
          <button type="button" class="secondary" onClick={() => void answer(false)}>
            Discard it
          </button>
        </div>
      )}
    </>
  );
}
