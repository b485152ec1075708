// Why: an edited copy of a pack made in the overlay (which the page can script) is stored only on the reader's
// answer here, in an extension page no web page can reach: its title and version, the pack and source it edits,
// where it would show (pages added are called out) and which notes it adds, removes or changes.

import { t } from '../ui/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { ActionResult } from '../../protocol/packs-messages';
import type { EditView } from '../../protocol/pack-edits';
import { ask, errorText } from '../ui/ask';

const list = (ids: string[]): string => (ids.length === 0 ? t('editNone') : ids.join(', '));

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
    setDone(result.ok ? (accept ? t('editKept') : t('editNotKept')) : result.reason);
    if (result.ok) setTimeout(() => window.close(), 800);
  };

  if (view === 'loading') return <p class="muted">{t('loading')}</p>;
  if (view === null)
    return (
      <>
        <h1>{t('consentNothing')}</h1>
        <p>{t('editExpired')}</p>
      </>
    );
  const s = view.summary;
  return (
    <>
      <h1>{t('editHeading')}</h1>
      <p>{view.page ? t('editAskedOn', view.page) : t('editAsked')}</p>
      <dl class="provenance" data-testid="edit-summary">
        <dt>{t('consentTitleField')}</dt>
        <dd data-testid="edit-title" dir="auto">
          {s.title}
        </dd>
        <dt>{t('editVersion')}</dt>
        <dd>
          {s.version}
          {view.original ? t('editEditsVersion', view.original.version, view.original.title) : ''}
        </dd>
        <dt>{t('editEdits')}</dt>
        <dd>{view.original ? view.original.source : t('editGone')}</dd>
        <dt>{t('consentBy')}</dt>
        <dd>{s.authors.join(', ')}</dd>
        <dt>{t('editShowsOn')}</dt>
        <dd data-testid="edit-pages">
          {s.pages.kept.map((p) => (
            <code key={p}>{p} </code>
          ))}
          {s.pages.added.length > 0 && (
            <strong class="warn" data-testid="edit-pages-added">
              {t('editNewPages', s.pages.added.join(', '))}
            </strong>
          )}
        </dd>
        <dt>{t('editNotes')}</dt>
        <dd data-testid="edit-items">
          {t('editItems', list(s.items.added), list(s.items.changed), list(s.items.removed))}
          {s.steps > 0 ? t('editTour', s.steps) : ''}
        </dd>
      </dl>
      {s.idChanged && <p class="warn">{t('editIdChanged')}</p>}
      {view.replaces && <p>{t('editReplaces')}</p>}
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => void answer(true)}>
            {t('editKeep')}
          </button>
          <button type="button" class="secondary" onClick={() => void answer(false)}>
            {t('editDiscard')}
          </button>
        </div>
      )}
    </>
  );
}
