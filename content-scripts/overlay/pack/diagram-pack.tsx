// The pack's words on the diagram: numbered markers on the nodes and groups its notes point at (a closed group
// carries the marks of what is inside it), the notes listed under the diagram with "Show on the diagram", a tour
// step's ask to show the diagram and frame part of it, and in authoring mode "Pin a note" to the chosen item.

import { t } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { ModelDiagram, type DiagramHandle } from '../diagram/model-diagram';
import { groupGraph } from '../diagram/grouping';
import { diagramNotes, marksFor, type DiagramNote } from './diagram-marks';
import { useAuthorUi } from '../author/author-context';
import { onTrusted } from '../state/trusted';
import type { DiagramFocus, PackBus } from './bus';
import { usePackUi } from './pack-context';
import { RichHtml } from './rich-html';

const applied = new WeakMap<PackBus, number>();

/** The ids the diagram should frame after a tour step (or a note's Show) asked for this graph, and the handle. */
export function useDiagramFocus(
  graphId: string,
  showDiagram: () => void,
): {
  focus: readonly string[] | null;
  handle: (h: DiagramHandle | null) => void;
  show: (ids: readonly string[]) => void;
} {
  const ui = usePackUi();
  const handle = useRef<DiagramHandle | null>(null);
  const [focus, setFocus] = useState<readonly string[] | null>(null);
  const show = (ids: readonly string[]) => {
    showDiagram();
    // Drawn already: frame now; else the diagram frames `focus` as it mounts.
    if (handle.current) handle.current.frame(ids);
    setFocus(ids);
  };
  const showRef = useRef(show);
  showRef.current = show;
  useEffect(() => {
    if (!ui) return;
    const stop = new AbortController();
    const apply = (f: DiagramFocus | null) => {
      if (!f || f.graphId !== graphId) return;
      // Each ask once: a view mounted later (the panel reopened) does not frame an old step's part again.
      const seen = applied.get(ui.bus) ?? 0;
      if (f.n <= seen) return;
      applied.set(ui.bus, f.n);
      showRef.current(f.ids);
    };
    // Asked before this view mounted (the tour selected this model a moment ago).
    apply(ui.bus.currentDiagramFocus());
    ui.bus.onDiagramFocus(apply, stop.signal);
    return () => stop.abort();
  }, [ui, graphId]);
  return { focus, handle: (h) => (handle.current = h), show };
}

/** Markers for the diagram's items: pass as the diagram's `decorate`. Null without a pack. */
export function useDiagramMarks(graph: ModelGraph): {
  notes: DiagramNote[];
  decorate: ((itemId: string, open: boolean) => ComponentChildren) | undefined;
} {
  const ui = usePackUi();
  const notes = useMemo(
    () => (ui ? diagramNotes(ui.session.resolution.placed, graph.id) : []),
    [ui?.session.resolution, graph.id],
  );
  const grouping = useMemo(() => (notes.length > 0 ? groupGraph(graph) : null), [graph, notes.length > 0]);
  if (!grouping || notes.length === 0) return { notes, decorate: undefined };
  return {
    notes,
    decorate: (itemId, open) => {
      const marks = marksFor(itemId, open, notes, grouping);
      if (marks.length === 0) return null;
      return (
        <span
          class="dg-pack-mark"
          aria-label={t('dgPackNotes', marks.join(', '))}
          title={t('dgNotes', marks.join(', '))}
        >
          {marks.length > 3 ? `${marks.slice(0, 3).join(' ')} …` : marks.join(' ')}
        </span>
      );
    },
  };
}

/** The pack's notes on the diagram, numbered as their markers, each with a button that frames its part. */
export function DiagramPackNotes({
  notes,
  onShow,
}: {
  notes: readonly DiagramNote[];
  onShow(ids: readonly string[]): void;
}) {
  const ui = usePackUi();
  if (!ui || notes.length === 0) return null;
  return (
    <section class="dg-pack-notes" aria-labelledby="lt-dg-pack-notes">
      <h4 id="lt-dg-pack-notes" class="pack-notes-head">
        Notes on the diagram from “{ui.session.active.provenance.title || ui.session.active.pack.title}”
      </h4>
      <ol>
        {notes.map((note) => (
          <li key={note.item.annotation.id} data-annotation-id={note.item.annotation.id}>
            <span class="dg-pack-mark" aria-hidden="true">
              {note.n}
            </span>
            <div class="pack-item prose" data-kind={note.item.annotation.kind}>
              <RichHtml
                html={ui.session.render(note.item.annotation).html}
                annotation={note.item.annotation}
              />
            </div>
            <button type="button" class="link-btn" onClick={() => onShow(note.ids)}>
              Show {note.description} on the diagram
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Authoring: "Pin a note" to the diagram item the reader last focused or clicked (a node or a group). Wraps the
 * diagram to learn that item from its buttons' data-item-id, so the diagram needs no authoring code of its own.
 */
export function DiagramPinArea({ graph, children }: { graph: ModelGraph; children: ComponentChildren }) {
  const author = useAuthorUi();
  const [chosen, setChosen] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el || !author?.pinDiagram) return;
    const pick = (e: Event) => {
      const id = (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-item-id]')?.dataset.itemId;
      if (id) setChosen(id);
    };
    el.addEventListener('focusin', pick);
    el.addEventListener('click', pick);
    return () => {
      el.removeEventListener('focusin', pick);
      el.removeEventListener('click', pick);
    };
  }, [author?.pinDiagram]);
  const isNode = chosen !== null && graph.nodes.some((n) => n.id === chosen);
  return (
    <div class="dg-pin-area" ref={area}>
      {children}
      {author?.pinDiagram && (
        <p class="dg-pin">
          <button
            type="button"
            class="author-btn small"
            disabled={chosen === null}
            onClick={onTrusted(() => {
              if (chosen !== null)
                author.pinDiagram!(graph.id, isNode ? { node: chosen } : { group: chosen });
            })}
          >
            {chosen === null ? t('dgPinChoose') : t('dgPinTo', chosen)}
          </button>
        </p>
      )}
    </div>
  );
}

export interface PackDiagramProps {
  api: ContentApi;
  graph: ModelGraph;
  onActivate(nodeId: string): void;
  returnTo?: string | null;
  focus: readonly string[] | null;
  handle(h: DiagramHandle | null): void;
  onShow(ids: readonly string[]): void;
}

/** The diagram with the active pack's markers, its notes under it, and (authoring) "Pin a note". */
export function PackDiagram(props: PackDiagramProps) {
  const { notes, decorate } = useDiagramMarks(props.graph);
  return (
    <DiagramPinArea graph={props.graph}>
      <ModelDiagram
        api={props.api}
        graph={props.graph}
        onActivate={props.onActivate}
        returnTo={props.returnTo}
        focus={props.focus}
        handle={props.handle}
        decorate={decorate}
      />
      <DiagramPackNotes notes={notes} onShow={props.onShow} />
    </DiagramPinArea>
  );
}
