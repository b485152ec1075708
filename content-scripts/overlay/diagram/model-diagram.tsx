// The diagram of one model: grouped (groups open and close), laid out by dagre, panned and zoomed, searchable, with
// a minimap for big graphs, live thumbnails of the nodes on screen, the path to the chosen node lit, and keys that
// follow edges. API for tours and packs in README.md: data-node-id / data-group-id, `frame`, `onActivate`.

// `t` is this file's transform: messages come through `tr`.
import { t as tr } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { diagramSummary } from './describe-items';
import { DiagramEdges } from './diagram-edges';
import { DiagramItems } from './diagram-items';
import { DiagramToolbar } from './diagram-toolbar';
import { groupGraph } from './grouping';
import { layoutDiagram, type Box } from './layout';
import { Legend } from './legend';
import { Minimap } from './minimap';
import { moveFor, navigate, upstream } from './navigate';
import { searchDiagram } from './search';
import { useExploreFeed } from '../explore/explore-context';
import { useViewsOwner } from '../explore/views-owner';
import { useThumbs } from './use-thumbs';
import { useViewportInput } from './use-viewport-input';
import { fitLayout, frameBox, onScreen, revealBox, zoomAt, ZOOM, type Transform } from './view-box';
import { expansionFor, firstExpansion, visibleGraph } from './visible';

export interface DiagramHandle {
  /** Opens the groups around `ids` (node or group ids), frames them and puts the tab stop on the first. */
  frame(ids: readonly string[]): void;
}

export interface ModelDiagramProps {
  api: ContentApi;
  graph: ModelGraph;
  /** A node was activated (click, Enter): the layer view opens by default. */
  onActivate(nodeId: string): void;
  /** Framed when it changes (a tour step's or a note's nodes or groups). */
  focus?: readonly string[] | null;
  /** The item that takes the tab stop (and focus) when the diagram shows again. */
  returnTo?: string | null;
  handle?(handle: DiagramHandle | null): void;
  /** Extra marks drawn in an item (a pack's note markers: overlay/pack/diagram-pack.tsx); `open` for group titles. */
  decorate?(itemId: string, open: boolean): ComponentChildren;
}

const VIEWPORT = { width: 400, height: 460 };
const BIG = 30;

export function ModelDiagram(props: ModelDiagramProps) {
  const { graph } = props;
  const grouping = useMemo(() => groupGraph(graph), [graph]);
  const [expanded, setExpanded] = useState(() =>
    expansionFor(
      grouping,
      [...(props.focus ?? []), ...(props.returnTo ? [props.returnTo] : [])],
      firstExpansion(grouping),
    ),
  );
  const view = useMemo(() => visibleGraph(grouping, expanded), [grouping, expanded]);
  const layout = useMemo(() => layoutDiagram(view), [view]);
  const viewport = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(VIEWPORT);
  const [transform, setTransform] = useState<Transform | null>(null);
  const [active, setActive] = useState<string | null>(props.returnTo ?? null);
  const [query, setQuery] = useState('');
  const [announce, setAnnounce] = useState('');
  const pendingFrame = useRef<readonly string[] | null>(
    props.focus ?? (props.returnTo ? [props.returnTo] : null),
  );
  // The item focus must move to after a key move, a group opening or closing, or a return from a layer view. An id, not
  // a flag: an effect of an earlier render (its own, older tab stop) can run after the key set it, and must not move
  // focus back there.
  const focusNext = useRef<string | null>(props.returnTo ?? null);
  const thumbs = useThumbs(props.api, graph, viewport);
  // The thumbnails show the reader's input while Try your own input or a pack control drives the views.
  const feed = useExploreFeed();
  const yours = useViewsOwner(useMemo(() => feed?.session(graph) ?? null, [feed, graph.id])) !== null;
  const found = useMemo(() => searchDiagram(grouping, query), [grouping, query]);
  const matches = useMemo(() => new Set(found.map((id) => view.itemOf.get(id) ?? id)), [found, view]);
  const activeItem = active ? (view.itemOf.get(active) ?? active) : null;
  const path = useMemo(
    () => (activeItem && layout.items.has(activeItem) ? upstream(view, activeItem) : new Set<string>()),
    [view, layout, activeItem],
  );

  const boxOf = (ids: readonly string[]): Box | null => {
    const boxes = ids
      .map(
        (id) => layout.items.get(id) ?? layout.frames.get(id) ?? layout.items.get(view.itemOf.get(id) ?? ''),
      )
      .filter((b): b is Box => !!b);
    if (boxes.length === 0) return null;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    return { x, y, width: right - x, height: bottom - y };
  };
  const frame = (ids: readonly string[]) => {
    pendingFrame.current = ids;
    const next = expansionFor(grouping, ids, expanded);
    if (next.size !== expanded.size) setExpanded(next);
    else applyPending();
  };
  const applyPending = () => {
    const ids = pendingFrame.current;
    if (!ids) return;
    pendingFrame.current = null;
    const box = boxOf(ids);
    if (box) setTransform(frameBox(box, size.width, size.height, 1));
    const first = ids[0];
    if (first) setActive(view.itemOf.get(first) ?? first);
  };

  useEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() =>
      setSize({ width: el.clientWidth || VIEWPORT.width, height: el.clientHeight || VIEWPORT.height }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (pendingFrame.current) applyPending();
    else if (!transform) setTransform(fitLayout(layout.width, layout.height, size.width, size.height));
  }, [layout]);
  useEffect(() => props.handle?.({ frame }), [props.handle, grouping, expanded, layout, size]);
  useEffect(() => {
    if (props.focus && props.focus.length > 0) frame(props.focus);
  }, [props.focus?.join('\u0000')]);
  const t = transform ?? fitLayout(layout.width, layout.height, size.width, size.height);
  useEffect(() => {
    const timer = setTimeout(() => {
      const nodes = new Map([...layout.items].filter(([id]) => grouping.nodes.has(id)));
      thumbs.setVisible(onScreen(nodes, t, size.width, size.height));
    }, 120);
    return () => clearTimeout(timer);
  }, [layout, t.x, t.y, t.k, size]);
  // Focus follows the tab stop after a key move or a group opening or closing (the button it was on may be gone).
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const itemId = view.itemOf.get(target) ?? target;
    const done = () => {
      if (focusNext.current === target) focusNext.current = null;
    };
    const find = () =>
      [...(viewport.current?.querySelectorAll<HTMLElement>('[data-item-id]') ?? [])].find(
        (el) => el.dataset.itemId === itemId,
      );
    const focused = (el: HTMLElement) => (el.getRootNode() as Document | ShadowRoot).activeElement === el;
    const button = find();
    if (!button) return;
    button.focus({ preventScroll: true });
    if (focused(button)) {
      done();
      return;
    }
    // Not focusable yet (a group's frame title drawn before it is laid out): again on the next frames.
    let tries = 0;
    let raf = 0;
    const retry = () => {
      const again = find();
      again?.focus({ preventScroll: true });
      if ((again && focused(again)) || ++tries > 20) done();
      else raf = requestAnimationFrame(retry);
    };
    raf = requestAnimationFrame(retry);
    return () => cancelAnimationFrame(raf);
  });

  const moveTo = (id: string | null) => {
    if (!id) return;
    focusNext.current = id;
    setActive(id);
    const box = layout.items.get(id) ?? layout.frames.get(id);
    if (box) setTransform(revealBox(t, box, size.width, size.height));
  };
  const toggle = (groupId: string) => {
    const next = new Set(expanded);
    const opening = !next.has(groupId);
    if (opening) next.add(groupId);
    else for (const id of [...next]) if (id === groupId || id.startsWith(`${groupId}/`)) next.delete(id);
    setExpanded(next);
    focusNext.current = groupId;
    setActive(groupId);
    setAnnounce(
      tr(opening ? 'dgOpened' : 'dgClosed', grouping.groups.get(groupId)?.label ?? tr('dgGroupWord')),
    );
    pendingFrame.current = [groupId];
  };
  const zoom = (factor: number) => setTransform(zoomAt(t, factor, size.width / 2, size.height / 2));
  const fit = () => setTransform(fitLayout(layout.width, layout.height, size.width, size.height));
  const search = useRef<HTMLInputElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const move = moveFor(e.key);
    if (move) {
      e.preventDefault();
      // From the item the key was pressed on (a key right after focus can come before the focus's re-render).
      const on = (e.target as HTMLElement).closest?.('[data-item-id]')?.getAttribute('data-item-id');
      moveTo(navigate(view, layout.items, on ?? activeItem, move));
    } else if (e.key === '+' || e.key === '=') zoom(ZOOM.step);
    else if (e.key === '-') zoom(1 / ZOOM.step);
    else if (e.key === '0' || e.key === 'f') fit();
    else if (e.key === '/') {
      e.preventDefault();
      search.current?.focus();
    } else return;
  };
  const input = useRef({ onKeyDown, t, setTransform });
  input.current = { onKeyDown, t, setTransform };
  useViewportInput(viewport, input);
  return (
    <section class="diagram" aria-label={tr('dgSection')} data-model-id={graph.id}>
      <DiagramToolbar
        inputRef={search}
        query={query}
        found={found}
        grouping={grouping}
        onQuery={setQuery}
        onGo={(id) => {
          frame([id]);
          setAnnounce(tr('dgFoundId', id));
        }}
        onZoom={zoom}
        onFit={fit}
        onAll={(open) => setExpanded(open ? new Set(grouping.groups.keys()) : new Set())}
        canOpenAll={grouping.nodes.size <= 600}
      />
      <p class="sr-only" id={`dg-summary-${graph.id}`}>
        {diagramSummary(graph, grouping, view)}
      </p>
      <span class="sr-only" aria-live="polite">
        {announce}
      </span>
      <div
        class="dg-viewport"
        ref={viewport}
        role="group"
        aria-label={tr('dgCanvas')}
        aria-describedby={`dg-summary-${graph.id}`}
      >
        <div
          class="dg-stage"
          style={{
            transform: `translate(${t.x}px, ${t.y}px) scale(${t.k})`,
            width: `${layout.width}px`,
            height: `${layout.height}px`,
          }}
        >
          <DiagramEdges
            layout={layout}
            view={view}
            grouping={grouping}
            path={path}
            markerId={`dg-arrow-${graph.id}`}
          />
          <DiagramItems
            graph={graph}
            grouping={grouping}
            view={view}
            layout={layout}
            active={activeItem ?? view.items[0]?.id ?? null}
            path={path}
            matches={query ? matches : new Set()}
            canvasRef={thumbs.canvasRef}
            onActivate={(id) => {
              setActive(id);
              props.onActivate(id);
            }}
            onToggle={toggle}
            onFocusItem={setActive}
            decorate={props.decorate}
          />
        </div>
        {view.items.length > BIG ? (
          <Minimap
            layout={layout}
            transform={t}
            viewport={size}
            onCenter={(x, y) =>
              setTransform({ ...t, x: size.width / 2 - x * t.k, y: size.height / 2 - y * t.k })
            }
          />
        ) : null}
      </div>
      <p class="muted dg-live" data-testid="diagram-live">
        {thumbs.ended
          ? tr('dgThumbsStopped', thumbs.ended)
          : yours
            ? tr('dgThumbsYours')
            : tr('dgThumbsNote')}
      </p>
      <Legend grouping={grouping} />
    </section>
  );
}
