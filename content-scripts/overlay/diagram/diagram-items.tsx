// The diagram's items as a list of buttons placed over the drawing: nodes (colour bar by op kind, human name, op and
// parameters, a live thumbnail), closed groups (size, parameters, "3 of 13"), and the titles of open groups. One
// roving tab stop; each button's name says the item in words (name, op, shape, parameters, edges).

import { t } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import type { ModelGraph } from '../../../model/model-graph';
import { describeNodes } from './describe-items';
import type { Grouping } from './grouping';
import type { DiagramLayout } from './layout';
import { humanName } from './names';
import { opKind } from './op-kinds';
import type { VisibleGraph } from './visible';
import { formatCount } from './describe-items';
import { groupTitle } from './describe-items';

export interface ItemsProps {
  graph: ModelGraph;
  grouping: Grouping;
  view: VisibleGraph;
  layout: DiagramLayout;
  /** The item with the tab stop. */
  active: string | null;
  path: ReadonlySet<string>;
  matches: ReadonlySet<string>;
  /** Nodes whose thumbnail canvas is live. */
  canvasRef(nodeId: string, el: HTMLCanvasElement | null): void;
  onActivate(id: string): void;
  onToggle(groupId: string): void;
  onFocusItem(id: string): void;
  /** Extra marks inside an item's slot (a pack's note markers); `open` for an open group's title. */
  decorate?(itemId: string, open: boolean): ComponentChildren;
}

export function DiagramItems(props: ItemsProps) {
  const { grouping, view, layout, active } = props;
  const labels = describeNodes(grouping, view);
  const place = (box: { x: number; y: number; width: number; height: number }) => ({
    left: `${box.x}px`,
    top: `${box.y}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  const classes = (id: string, base: string) =>
    [base, props.path.has(id) ? 'on-path' : '', props.matches.has(id) ? 'match' : '']
      .filter(Boolean)
      .join(' ');
  return (
    <ul class="dg-items" aria-label={t('dgOf', props.graph.name)}>
      {view.open.map(({ id }) => {
        const box = layout.frames.get(id);
        const group = grouping.groups.get(id)!;
        if (!box) return null;
        return (
          <li
            key={`open:${id}`}
            class="dg-frame-title"
            data-group-id={id}
            style={{ left: `${box.x + 6}px`, top: `${box.y + 3}px` }}
          >
            <button
              type="button"
              tabIndex={active === id ? 0 : -1}
              aria-expanded="true"
              data-item-id={id}
              aria-label={t('dgGroupOpen', groupTitle(group), group.size)}
              onClick={() => props.onToggle(id)}
              onFocus={() => props.onFocusItem(id)}
            >
              <span aria-hidden="true">▾ </span>
              {groupTitle(group)}
            </button>
            {props.decorate?.(id, true)}
          </li>
        );
      })}
      {view.items.map((item) => {
        const box = layout.items.get(item.id);
        if (!box) return null;
        if (item.kind === 'group') {
          const group = grouping.groups.get(item.id)!;
          return (
            <li key={item.id} class="dg-slot" data-group-id={item.id} style={place(box)}>
              <button
                type="button"
                class={classes(item.id, 'dg-group')}
                data-item-id={item.id}
                tabIndex={active === item.id ? 0 : -1}
                aria-expanded="false"
                aria-label={labels.get(item.id)}
                onClick={() => props.onToggle(item.id)}
                onFocus={() => props.onFocusItem(item.id)}
              >
                <span class="dg-name">
                  <span aria-hidden="true">▸ </span>
                  {group.label}
                </span>
                <span class="dg-meta">
                  {group.size} ops · {formatCount(group.params)} params
                  {group.repeat ? (
                    <span class="dg-repeat">
                      {' '}
                      · {group.repeat.index}/{group.repeat.of}
                    </span>
                  ) : null}
                </span>
              </button>
              {props.decorate?.(item.id, false)}
            </li>
          );
        }
        const node = grouping.nodes.get(item.id)!;
        return (
          <li key={item.id} class="dg-slot" data-node-id={item.id} style={place(box)}>
            <button
              type="button"
              class={classes(item.id, 'dg-node')}
              data-kind={opKind(node)}
              data-item-id={item.id}
              tabIndex={active === item.id ? 0 : -1}
              aria-label={labels.get(item.id)}
              title={item.id}
              onClick={() => props.onActivate(item.id)}
              onFocus={() => props.onFocusItem(item.id)}
            >
              <canvas
                class="dg-thumb pixelated"
                width={1}
                height={1}
                ref={(el) => props.canvasRef(item.id, el)}
              />
              <span class="dg-text">
                <span class="dg-name">{humanName(item.id)}</span>
                <span class="dg-meta">
                  {node.op}
                  {grouping.params.get(item.id) ? ` · ${formatCount(grouping.params.get(item.id)!)}` : ''}
                </span>
              </span>
            </button>
            {props.decorate?.(item.id, false)}
          </li>
        );
      })}
    </ul>
  );
}
