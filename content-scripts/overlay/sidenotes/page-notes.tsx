// The pack's notes on the page itself: in the margin beside their anchors (Distill-style), or on a narrow layout
// as numbered markers that open the note. Hovering or focusing a note rings its anchor; the tour's notes open up.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PlacedItem, ResolvedPage } from '../pack/resolve';
import { usePackUi } from '../pack/pack-context';
import { RichHtml } from '../pack/rich-html';
import { ExecutableItem } from '../checks/executable-item';
import { markOnce } from '../state/timing';
import type { Side } from './margin';
import { NotesPositioner, rangeRect } from './positioner';

export interface PageNotesProps {
  panel: { side: Side; width: number } | null;
}

type PageItem = PlacedItem & { page: ResolvedPage };

const SHOWN_KINDS = new Set(['note', 'equation', 'view', 'example', 'check']);

/** Placed annotations with a page anchor, in the pack's order. */
export function pageItems(placed: readonly PlacedItem[]): PageItem[] {
  return placed.filter((p): p is PageItem => p.page !== null && SHOWN_KINDS.has(p.annotation.kind));
}

/** The same, numbered in reading order of the page as laid out now: top to bottom, then left to right. */
function inReadingOrder(items: PageItem[]): PageItem[] {
  const at = new Map(
    items.map((item) => {
      const r =
        item.page.match === 'element'
          ? item.page.element.getBoundingClientRect()
          : rangeRect(item.page.range);
      return [item, { top: Math.round(r?.top ?? 0), left: r?.left ?? 0 }] as const;
    }),
  );
  return [...items].sort((a, b) => {
    const p = at.get(a)!;
    const q = at.get(b)!;
    return p.top - q.top || p.left - q.left || a.index - b.index;
  });
}

const noteId = (i: number) => `lt-note-${i + 1}`;

export function PageNotes({ panel }: PageNotesProps) {
  const ui = usePackUi();
  const items = useMemo(
    () => (ui ? inReadingOrder(pageItems(ui.session.resolution.placed)) : []),
    [ui?.session.resolution],
  );
  const rings = useRef<HTMLDivElement>(null);
  const notes = useRef<(HTMLLIElement | null)[]>([]);
  const markers = useRef<(HTMLButtonElement | null)[]>([]);
  const positioner = useRef<NotesPositioner | null>(null);
  const [mode, setMode] = useState<'margin' | 'markers'>('margin');
  const [open, setOpen] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef({ panel, open, expanded, stepIds: ui?.stepIds ?? new Set<string>() });
  latest.current = { panel, open, expanded, stepIds: ui?.stepIds ?? new Set<string>() };

  useLayoutEffect(() => {
    if (!rings.current) return;
    const p = new NotesPositioner(rings.current, {
      panel: () => latest.current.panel,
      openNote: () => latest.current.open,
      priority: (id) => (latest.current.stepIds.has(id) ? 3 : latest.current.expanded.has(id) ? 2 : 1),
      onLayout: (out) => {
        setMode(out.column.mode);
        const now = [...out.notes].filter(([, n]) => n.folded).map(([id]) => id);
        setFolded((before) =>
          before.size === now.length && now.every((id) => before.has(id)) ? before : new Set(now),
        );
        markOnce('literate:notes-positioned');
      },
    });
    positioner.current = p;
    return () => {
      p.dispose();
      positioner.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    if (items.length > 0) markOnce('literate:notes-rendered');
    positioner.current?.setTargets(
      items.map((item, i) => ({
        id: item.annotation.id,
        anchor: item.page,
        note: notes.current[i] ?? null,
        marker: markers.current[i] ?? null,
      })),
    );
  }, [items]);

  useEffect(
    () => positioner.current?.schedule(),
    [panel?.side, panel?.width, open, expanded, mode, ui?.stepIds],
  );

  useEffect(() => {
    if (!ui) return;
    const stop = new AbortController();
    ui.bus.onRings((anchors) => positioner.current?.setRings(anchors), stop.signal);
    positioner.current?.setRings(ui.bus.allRings());
    return () => stop.abort();
  }, [ui?.bus]);

  if (!ui || items.length === 0) return null;
  const { session, bus, stepIds } = ui;
  const ring = (item: PageItem | null) => bus.setRings('note', item ? [item.page] : []);
  const toggleExpanded = (id: string) =>
    setExpanded((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const closePopover = (i: number) => {
    setOpen(null);
    markers.current[i]?.focus();
  };

  return (
    <div class="page-notes" data-mode={mode}>
      <div class="rings" ref={rings} aria-hidden="true" />
      {items.map((item, i) => {
        const id = item.annotation.id;
        const isOpen = open === id;
        // A marker opens its note where the note is not in the margin (markers mode, or folded out of a crowd).
        const opens = mode === 'markers' || folded.has(id);
        return (
          <button
            key={`m-${id}`}
            ref={(el) => void (markers.current[i] = el)}
            type="button"
            class="marker"
            data-note-id={id}
            data-step={stepIds.has(id) ? 'current' : undefined}
            data-folded={opens ? 'true' : undefined}
            data-text={item.page.match === 'element' ? undefined : 'true'}
            hidden
            {...(opens
              ? {
                  'aria-expanded': isOpen,
                  'aria-controls': noteId(i),
                  'aria-label': t('noteMarker', i + 1),
                }
              : { 'aria-hidden': 'true', tabIndex: -1 })}
            onClick={() => {
              if (opens) setOpen(isOpen ? null : id);
              else {
                setExpanded((all) => new Set([...all, id]));
                notes.current[i]?.focus();
              }
            }}
            onPointerEnter={() => ring(item)}
            onPointerLeave={() => ring(null)}
          >
            {i + 1}
          </button>
        );
      })}
      <aside class="notes-column" aria-label={t('notesColumn')}>
        <ol>
          {items.map((item, i) => {
            const id = item.annotation.id;
            const rendered = session.render(item.annotation);
            const inStep = stepIds.has(id);
            const popover = mode === 'markers' || folded.has(id);
            const isExpanded = expanded.has(id) || popover;
            return (
              // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
              <li
                key={id}
                id={noteId(i)}
                ref={(el) => void (notes.current[i] = el)}
                class="sidenote"
                data-note-id={id}
                data-kind={item.annotation.kind}
                data-step={inStep ? 'current' : undefined}
                data-expanded={isExpanded ? 'true' : 'false'}
                data-popover={popover ? 'true' : undefined}
                tabIndex={-1}
                data-shown="false"
                onPointerEnter={() => ring(item)}
                onPointerLeave={() => ring(null)}
                onFocusIn={() => ring(item)}
                onFocusOut={() => ring(null)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && popover && open === id) {
                    e.preventDefault();
                    closePopover(i);
                  }
                }}
              >
                <span class="sidenote-num" aria-hidden="true">
                  {i + 1}
                </span>
                <span class="sr-only">{t('noteAbout', i + 1, excerpt(item.page.text))}</span>
                {item.annotation.kind === 'example' || item.annotation.kind === 'check' ? (
                  <ExecutableItem annotation={item.annotation} bodyClass="sidenote-body prose" />
                ) : (
                  <RichHtml html={rendered.html} annotation={item.annotation} class="sidenote-body prose" />
                )}
                {!popover && (
                  <button
                    type="button"
                    class="sidenote-more"
                    aria-expanded={isExpanded}
                    onClick={() => toggleExpanded(id)}
                  >
                    {isExpanded ? t('noteLess') : t('noteMore')}
                  </button>
                )}
                {popover && (
                  <button type="button" class="sidenote-close" onClick={() => closePopover(i)}>
                    {t('noteClose')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </aside>
    </div>
  );
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 48 ? `${t.slice(0, 45)}…` : t;
}
