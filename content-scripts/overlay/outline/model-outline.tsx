// The outline of one model: its totals, a filter box, a switch for graph constants, and the node list a page at a
// time (posenet has hundreds of nodes). Selecting a node opens its layer view.

import { t, tn } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import { Icon } from '../host/icons';
import { ModelSummary } from './model-summary';
import { displayName } from './model-name';
import { NodeRow } from './node-row';
import { constantCount, outlineRows, PAGE_SIZE } from './outline-rows';

export interface OutlineNav {
  query: string;
  showConstants: boolean;
  limit: number;
}

export const INITIAL_NAV: OutlineNav = { query: '', showConstants: false, limit: PAGE_SIZE };

export interface ModelOutlineProps {
  graph: ModelGraph;
  nav: OutlineNav;
  onNav(nav: OutlineNav): void;
  onSelect(nodeId: string): void;
  /** The node to put focus back on (coming back from its layer view). */
  focusNodeId: string | null;
  onShown?(): void;
}

export function ModelOutline({ graph, nav, onNav, onSelect, focusNodeId, onShown }: ModelOutlineProps) {
  const rows = useMemo(
    () => outlineRows(graph, { query: nav.query, showConstants: nav.showConstants }),
    [graph, nav.query, nav.showConstants],
  );
  const constants = useMemo(() => constantCount(graph), [graph]);
  const list = useRef<HTMLOListElement>(null);
  const [announce, setAnnounce] = useState('');
  const shown = rows.slice(0, nav.limit);

  useEffect(() => {
    onShown?.();
  }, [graph]);
  useEffect(() => {
    if (!focusNodeId) return;
    // Matched by value, not by selector: node ids are page data and may hold any character.
    const target = [...(list.current?.querySelectorAll<HTMLElement>('.node-button') ?? [])].find(
      (el) => el.dataset.nodeId === focusNodeId,
    );
    target?.focus();
  }, [focusNodeId]);
  // After "Show more", focus goes to the first newly shown row (the button it was on is gone or moved).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    list.current?.querySelectorAll<HTMLElement>('.node-button')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [nav.limit]);
  useEffect(() => {
    // Announced politely after typing settles, not on every key.
    const timer = setTimeout(() => setAnnounce(nav.query ? tn('outlineMatching', rows.length) : ''), 400);
    return () => clearTimeout(timer);
  }, [rows.length, nav.query]);

  const layers = graph.kind === 'layers';
  return (
    <div class="outline">
      <ModelSummary graph={graph} />
      <div class="filters">
        <label class="search">
          <Icon name="search" />
          <span class="sr-only">{layers ? t('outlineFilterLayers') : t('outlineFilterOps')}</span>
          <input
            type="search"
            placeholder={layers ? t('outlineFilterLayersPlaceholder') : t('outlineFilterOpsPlaceholder')}
            value={nav.query}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) =>
              onNav({ ...nav, query: (e.currentTarget as HTMLInputElement).value, limit: PAGE_SIZE })
            }
            onKeyDown={(e) => {
              if (e.key === 'Escape' && nav.query) {
                e.preventDefault();
                onNav({ ...nav, query: '', limit: PAGE_SIZE });
              }
            }}
          />
        </label>
        {constants > 0 && (
          <label class="toggle">
            <input
              type="checkbox"
              checked={nav.showConstants}
              onChange={(e) =>
                onNav({
                  ...nav,
                  showConstants: (e.currentTarget as HTMLInputElement).checked,
                  limit: PAGE_SIZE,
                })
              }
            />
            <span>{tn('outlineShowConstants', constants)}</span>
          </label>
        )}
      </div>
      <h4 class="list-heading">
        {nav.query
          ? t(
              layers ? 'outlineLayersOf' : 'outlineOpsOf',
              rows.length,
              graph.nodes.length - (nav.showConstants ? 0 : constants),
            )
          : tn(layers ? 'outlineLayers' : 'outlineOps', rows.length)}
        <span class="sr-only" aria-live="polite">
          {announce}
        </span>
      </h4>
      {rows.length === 0 ? (
        <p class="empty muted">{t('outlineNothingMatches', nav.query)}</p>
      ) : (
        <ol
          class="nodes"
          ref={list}
          aria-label={t(
            layers ? 'outlineListLayers' : 'outlineListOps',
            displayName(graph.name, graph.sourceUrl),
          )}
        >
          {shown.map((row) => (
            <NodeRow key={row.node.id} row={row} kind={graph.kind} graphId={graph.id} onSelect={onSelect} />
          ))}
        </ol>
      )}
      {rows.length > shown.length && (
        <button
          type="button"
          class="more"
          onClick={() => {
            focusRow.current = shown.length;
            onNav({ ...nav, limit: nav.limit + PAGE_SIZE });
          }}
        >
          Show {Math.min(PAGE_SIZE, rows.length - shown.length)} more
          <span class="muted"> ({rows.length - shown.length} not shown)</span>
        </button>
      )}
    </div>
  );
}
