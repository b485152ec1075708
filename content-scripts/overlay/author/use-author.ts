// The authoring session's state: the draft pack with its own undo history, which item or step is open, and the
// autosave of every change to the background (debounced; the status says when the last save landed or why not).

import { t } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Pack } from '../../../annotations/format/types';
import { validatePack, type ValidationError } from '../../../annotations/format/validate';
import { placeErrors } from '../../../annotations/author/draft';
import { record, redo, seal, startHistory, undo, type History } from '../../../annotations/author/history';
import type { DraftsApi } from '../../relay/packs-api';
import { randomId } from '../../../base/random-id';

/** Quiet time after the last change before it is saved. */
export const AUTOSAVE_MS = 400;

export interface Draft {
  id: string;
  basedOn: string | null;
  history: History<Pack>;
}

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; reason: string };

export function newDraftId(): string {
  return randomId(8, 'd');
}

export interface AuthorSession {
  draft: Draft | null;
  pack: Pack | null;
  errors: ValidationError[];
  placed: Map<string, ValidationError[]>;
  save: SaveState;
  selected: string | null;
  select(id: string | null): void;
  begin(pack: Pack, basedOn: string | null, id?: string): void;
  /** Records a change; changes with the same key in a row are one undo step (typing in one field). */
  change(next: Pack, key?: string | null): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Ends the session (the draft stays saved). */
  close(): void;
  /** Saves now (before export, or when the tab is hidden). */
  flush(): Promise<void>;
}

export function useAuthor(drafts: DraftsApi | undefined): AuthorSession {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; run: () => Promise<void> } | null>(null);
  const pack = draft?.history.present ?? null;

  const saveNow = async (d: Draft) => {
    if (!drafts) return setSave({ state: 'failed', reason: t('authoringNoBackground') });
    setSave({ state: 'saving' });
    const result = await drafts
      .save({
        id: d.id,
        title: d.history.present.title,
        text: JSON.stringify(d.history.present),
        basedOn: d.basedOn,
      })
      .catch((e: unknown) => ({ ok: false as const, reason: String(e) }));
    setSave(result.ok ? { state: 'saved', at: result.savedAt } : { state: 'failed', reason: result.reason });
  };

  // Every change is saved once typing pauses; a pending save runs at once when the tab is hidden or closed.
  useEffect(() => {
    if (!draft) return;
    const run = () => {
      pending.current = null;
      return saveNow(draft);
    };
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { timer: setTimeout(() => void run(), AUTOSAVE_MS), run };
  }, [draft?.history.present, draft?.id]);

  useEffect(() => {
    const onHide = () => {
      const p = pending.current;
      if (p && document.visibilityState === 'hidden') {
        clearTimeout(p.timer);
        void p.run();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, []);

  const result = useMemo(() => (pack ? validatePack(pack) : null), [pack]);
  const errors = result && !result.ok ? result.errors : [];
  const placed = useMemo(() => (pack ? placeErrors(pack, errors) : new Map()), [pack, errors]);

  return {
    draft,
    pack,
    errors,
    placed,
    save,
    selected,
    select: (id) => {
      setSelected(id);
      setDraft((d) => (d ? { ...d, history: seal(d.history) } : d));
    },
    begin: (p, basedOn, id = newDraftId()) => {
      setDraft({ id, basedOn, history: startHistory(p) });
      setSelected(null);
      setSave({ state: 'idle' });
    },
    change: (next, key = null) => setDraft((d) => (d ? { ...d, history: record(d.history, next, key) } : d)),
    undo: () => setDraft((d) => (d ? { ...d, history: undo(d.history) } : d)),
    redo: () => setDraft((d) => (d ? { ...d, history: redo(d.history) } : d)),
    canUndo: (draft?.history.past.length ?? 0) > 0,
    canRedo: (draft?.history.future.length ?? 0) > 0,
    close: () => {
      const p = pending.current;
      if (p) {
        clearTimeout(p.timer);
        void p.run();
      }
      setDraft(null);
      setSelected(null);
    },
    flush: async () => {
      const p = pending.current;
      if (p) {
        clearTimeout(p.timer);
        await p.run();
      }
    },
  };
}
