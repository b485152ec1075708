// Authoring mode in the panel: start (resume a saved draft, a new pack, or a new version of the pack shown), then
// the pack's details, its items (point at the page to add one; pin one to a node from the outline below), the
// open item's editor with live preview and inline validation, the tour steps, and publishing. Ctrl+Z / Ctrl+Shift+Z
// undo and redo; every change is saved as a draft.

import { formatDate, t } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bumpVersion, newPack, removeAnnotation, updateAnnotation } from '../../../annotations/author/draft';
import type { Annotation, Pack } from '../../../annotations/format/types';
import type { ActivePack } from '../../../protocol/packs';
import type { DraftRecord } from '../../../protocol/drafts';
import type { DraftsApi } from '../../relay/packs-api';
import { AnchorChecks } from './anchor-status';
import { ItemEditor, type NodeChoice } from './item-editor';
import { TextField } from './text-field';
import { Publish } from './publish';
import { StepsEditor } from './steps-editor';
import type { Authoring } from './use-authoring';
import { guardSubtree } from '../state/trusted';

export interface AuthorPanelProps {
  authoring: Authoring;
  drafts: DraftsApi | undefined;
  active: ActivePack | null;
  root: ShadowRoot;
}

export function AuthorPanel({ authoring, drafts, active, root }: AuthorPanelProps) {
  const { session } = authoring;
  const pack = session.pack;
  const section = useRef<HTMLElement>(null);
  const latest = useRef(session);
  latest.current = session;
  // Only the reader's own input reaches anything in here: every draft save, download, copy and "Keep as my copy"
  // starts with a handler inside this section, and the page can script the open shadow root.
  useEffect(() => (section.current ? guardSubtree(section.current) : undefined), []);
  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) anywhere in authoring mode: the draft's own history, not the fields'.
  useEffect(() => {
    const el = section.current;
    const onKeyDown = (e: KeyboardEvent) => {
      const s = latest.current;
      if (!(e.ctrlKey || e.metaKey) || !s.pack) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    el?.addEventListener('keydown', onKeyDown);
    return () => el?.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <section ref={section} class="author" aria-labelledby="lt-author-title">
      <h2 id="lt-author-title" class="author-title">
        {pack ? t('authorWriting', pack.title || t('authorUntitled')) : t('authorWriteNotes')}
      </h2>
      <p class="author-live" role="status" aria-live="polite">
        {authoring.message}
      </p>
      {pack ? (
        <Editor authoring={authoring} pack={pack} root={root} />
      ) : (
        <Start authoring={authoring} drafts={drafts} active={active} />
      )}
    </section>
  );
}

/** The first words an item says, for the list of items. */
export function snippet(a: Annotation): string {
  const b = a.body as unknown as Record<string, unknown>;
  const text = [b.value, b.tex, b.claim, b.caption, b.view].find((t) => typeof t === 'string' && t.trim());
  const flat = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function savedLine(save: Authoring['session']['save']): string {
  switch (save.state) {
    case 'idle':
      return '';
    case 'saving':
      return t('authorSaving');
    case 'saved':
      return t('authorSavedAt', formatDate(save.at, { timeStyle: 'medium' }));
    case 'failed':
      return t('authorNotSaved', save.reason);
  }
}

function Start({
  authoring,
  drafts,
  active,
}: {
  authoring: Authoring;
  drafts: DraftsApi | undefined;
  active: ActivePack | null;
}) {
  const [saved, setSaved] = useState<DraftRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (drafts?.list() ?? Promise.resolve([])).then((list) => live && setSaved(list));
    return () => {
      live = false;
    };
  }, [drafts]);

  const resume = (d: DraftRecord) => {
    try {
      const pack = JSON.parse(d.text) as Pack;
      if (typeof pack !== 'object' || pack === null || !Array.isArray(pack.items))
        throw new Error('not a pack');
      authoring.session.begin(pack, d.basedOn, d.id);
      authoring.announce(t('authorResumed', d.title || t('authorUntitled')));
    } catch (error) {
      setProblem(t('authorDraftBroken', (error as Error).message));
    }
  };

  return (
    <div class="author-start">
      {problem && <p class="author-warn">{problem}</p>}
      {saved && saved.length > 0 && (
        <section class="author-section" aria-labelledby="lt-author-drafts">
          <h3 id="lt-author-drafts" class="author-h">
            {t('authorDrafts')}
          </h3>
          <ul class="author-drafts">
            {saved.map((d) => (
              <li key={d.id}>
                <button type="button" class="author-btn primary" onClick={() => resume(d)}>
                  {t('authorResume', d.title || t('authorUntitled'))}
                </button>{' '}
                <span class="muted">{t('authorSavedOn', formatDate(d.savedAt))}</span>{' '}
                <button
                  type="button"
                  class="author-btn small"
                  onClick={async () => {
                    if (await drafts?.remove(d.id))
                      setSaved((all) => (all ?? []).filter((x) => x.id !== d.id));
                  }}
                >
                  {t('authorDiscard', d.title || t('authorUntitled'))}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        class="author-section"
        aria-labelledby="lt-author-new"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget as HTMLFormElement);
          const title = String(data.get('title') ?? '').trim() || t('authorDefaultTitle');
          const author = String(data.get('author') ?? '').trim() || t('authorAnonymous');
          authoring.session.begin(
            newPack({ pageUrl: authoring.pageUrl(), title, author, graphs: authoring.graphs }),
            null,
          );
          authoring.announce(t('authorStarted', title));
        }}
      >
        <h3 id="lt-author-new" class="author-h">
          {t('authorNewPack')}
        </h3>
        <div class="author-field">
          <label htmlFor="lt-author-new-title">{t('authorTitle')}</label>
          <input id="lt-author-new-title" name="title" required />
        </div>
        <div class="author-field">
          <label htmlFor="lt-author-new-author">{t('authorYourName')}</label>
          <input id="lt-author-new-author" name="author" autoComplete="name" />
        </div>
        <button type="submit" class="author-btn primary" disabled={authoring.described === 'reading'}>
          {t('authorStart')}
        </button>
        {authoring.described === 'reading' && <p class="muted">{t('authorReadingModels')}</p>}
        {authoring.described === 'failed' && <p class="author-warn">{t('authorModelsFailed')}</p>}
      </form>
      {active && (
        <section class="author-section" aria-labelledby="lt-author-edit">
          <h3 id="lt-author-edit" class="author-h">
            {t('authorShownPack')}
          </h3>
          <button
            type="button"
            class="author-btn"
            onClick={() => {
              const copy = structuredClone(active.pack);
              copy.version = bumpVersion(copy.version);
              authoring.session.begin(copy, active.key);
              authoring.announce(t('authorEditingAs', copy.title, copy.version));
            }}
          >
            {t('authorEditAsNew', active.pack.title)}
          </button>
        </section>
      )}
    </div>
  );
}

function Editor({ authoring, pack, root }: { authoring: Authoring; pack: Pack; root: ShadowRoot }) {
  const { session } = authoring;
  const selectedItem = pack.items.find((a) => a.id === session.selected) ?? null;
  const nodes = useMemo<NodeChoice[]>(
    () =>
      authoring.graphs.flatMap((g) => {
        const alias =
          pack.targets.models.find((m) => m.fingerprint === g.fingerprint)?.alias ??
          pack.targets.models[0]?.alias;
        return alias ? g.nodes.filter((n) => n.category !== 'const').map((node) => ({ alias, node })) : [];
      }),
    [authoring.graphs, pack.targets.models],
  );
  const nodeOf = (item: Annotation) => {
    const m = item.target?.model;
    if (!m?.node) return null;
    return nodes.find((n) => n.node.id === m.node && (!m.model || n.alias === m.model))?.node ?? null;
  };
  const checks = useMemo(
    () =>
      new AnchorChecks(document, (alias) => {
        const target = pack.targets.models.find((m) => m.alias === alias) ?? pack.targets.models[0];
        const graphs = authoring.graphs;
        return (
          graphs.find((g) => target?.fingerprint && g.fingerprint === target.fingerprint) ??
          (graphs.length === 1 ? (graphs[0] ?? null) : null)
        );
      }),
    [authoring.graphs, pack.targets.models],
  );
  const anchors = useMemo(() => new Map(pack.items.map((a) => [a.id, checks.get(a)])), [pack.items]);

  useEffect(() => {
    if (!authoring.focus) return;
    const el =
      root.getElementById(authoring.focus) ??
      root.querySelector(`[data-item-id] textarea, [data-item-id] input`);
    if (el instanceof HTMLElement) {
      el.focus();
      authoring.focused();
    }
  });

  const packErrors = session.placed.get('pack') ?? [];
  const meta = (key: 'title' | 'version' | 'license' | 'description') => (value: string) => {
    const next = { ...pack, [key]: value } as Pack;
    if (key === 'description' && !value) delete next.description;
    session.change(next, `pack/${key}`);
  };

  return (
    <div class="author-editor">
      <div class="author-bar">
        <button type="button" class="author-btn" disabled={!session.canUndo} onClick={session.undo}>
          {t('authorUndo')}
        </button>
        <button type="button" class="author-btn" disabled={!session.canRedo} onClick={session.redo}>
          {t('authorRedo')}
        </button>
        <span class="muted author-saved" data-state={session.save.state}>
          {savedLine(session.save)}
        </span>
      </div>

      <details class="author-section">
        <summary class="author-h">{t('authorDetails')}</summary>
        <TextField
          id="lt-author-meta-title"
          label={t('authorTitle')}
          value={pack.title}
          onInput={meta('title')}
          rows={1}
        />
        <TextField
          id="lt-author-meta-version"
          label={t('authorVersion')}
          value={pack.version}
          onInput={meta('version')}
          rows={1}
        />
        <TextField
          id="lt-author-meta-license"
          label={t('authorLicense')}
          value={pack.license}
          onInput={meta('license')}
          rows={1}
        />
        <TextField
          id="lt-author-meta-description"
          label={t('authorDescription')}
          value={pack.description ?? ''}
          onInput={meta('description')}
          rows={2}
        />
      </details>
      {packErrors.length > 0 && (
        <ul class="author-errors" aria-label={t('authorProblems')}>
          {packErrors.map((e, i) => (
            <li key={i}>
              <span class="mono">{e.pointer || '/'}</span> {e.reason}
            </li>
          ))}
        </ul>
      )}

      <section class="author-section" aria-labelledby="lt-author-items">
        <h3 id="lt-author-items" class="author-h">
          {t('authorNotes')}
        </h3>
        <div class="author-actions">
          <button
            type="button"
            class="author-btn primary"
            aria-pressed={authoring.picking?.kind === 'new'}
            onClick={() => (authoring.picking ? authoring.stopPick() : authoring.startPick({ kind: 'new' }))}
          >
            {authoring.picking ? t('authorStopPointing') : t('authorPointToAdd')}
          </button>
          <button type="button" class="author-btn" onClick={() => authoring.anchorSelection({ kind: 'new' })}>
            {t('authorAddOnSelection')}
          </button>
        </div>
        <p class="muted">{t('authorOrPin')}</p>
        {pack.items.length > 0 && (
          <ul class="author-items" aria-label={t('authorItems')}>
            {pack.items.map((a) => {
              const problems = session.placed.get(`item:${a.id}`)?.length ?? 0;
              const anchor = anchors.get(a.id);
              return (
                <li key={a.id}>
                  <button
                    type="button"
                    class="author-list-button"
                    data-item={a.id}
                    aria-current={a.id === session.selected ? 'true' : undefined}
                    onClick={() => session.select(a.id === session.selected ? null : a.id)}
                  >
                    <span class="mono">{a.id}</span> <span class="muted">{a.kind}</span>{' '}
                    <span class="author-snippet" dir="auto">
                      {snippet(a)}
                    </span>
                    {anchor?.state === 'orphan' && <span class="author-badge">{t('authorOrphan')}</span>}
                    {problems > 0 && <span class="author-badge">{t('authorToFix', problems)}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {selectedItem && (
          <ItemEditor
            key={selectedItem.id}
            pack={pack}
            item={selectedItem}
            errors={session.placed.get(`item:${selectedItem.id}`) ?? []}
            anchor={anchors.get(selectedItem.id) ?? { state: 'none' }}
            nodes={nodes}
            node={nodeOf(selectedItem)}
            onChange={(next, key) =>
              session.change(
                updateAnnotation(pack, selectedItem.id, () => next),
                key,
              )
            }
            onRemove={() => {
              session.change(removeAnnotation(pack, selectedItem.id));
              session.select(null);
              authoring.announce(t('authorDeleted', selectedItem.id));
            }}
            onRepick={() => authoring.startPick({ kind: 'item', id: selectedItem.id })}
            onNextSelector={authoring.alternatives?.id === selectedItem.id ? authoring.nextSelector : null}
            onBindFromOutline={(symbol, role) =>
              authoring.startBinding({ itemId: selectedItem.id, symbol, role })
            }
          />
        )}
        {authoring.binding && (
          <p class="author-banner" role="status">
            {t('authorChooseNode', authoring.binding.symbol)}{' '}
            <button type="button" class="author-btn small" onClick={authoring.stopBinding}>
              {t('authorCancel')}
            </button>
          </p>
        )}
      </section>

      <StepsEditor
        pack={pack}
        selected={session.selected}
        placed={session.placed}
        onSelect={session.select}
        onChange={session.change}
        announce={authoring.announce}
      />

      <Publish
        pack={pack}
        valid={session.errors.length === 0}
        root={root}
        pageUrl={authoring.pageUrl()}
        beforeExport={session.flush}
        saveCopy={authoring.saveCopy}
      />
    </div>
  );
}
