// Makes a picture readable value by value: hover shows the value under the pointer, and the picture takes focus so
// that arrow keys move a cursor whose value is shown below it and announced (aria-live) to screen readers.

import { t } from '../../../extension/ui/i18n';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Box } from './readout';

export interface ValueReader<C> {
  /** The cursor under a point, in fractions (0–1) of the picture. */
  at(fx: number, fy: number): C | null;
  /** Where a key moves the cursor; null when the key is not ours. */
  move(cursor: C, key: string): C | null;
  /** Where the cursor starts when the picture takes focus. */
  first(): C;
  /** The sentence that reads the value under the cursor (from the latest data). */
  read(cursor: C): string;
  /** The cursor's box in fractions of the picture, for the marker. */
  box(cursor: C): Box;
  /** A cursor still valid for the current data (shapes change between frames), or null. */
  valid(cursor: C): boolean;
}

export interface ReadableProps<C> {
  reader: ValueReader<C>;
  /** What the group is, for its accessible name (e.g. "Feature maps of conv1"). */
  name: string;
  /** The picture's padding in CSS pixels (pixel-exact canvases have a 1 px frame). */
  inset?: number;
  /** Extra class on the group (sizing). */
  class?: string;
  /** Wraps the picture before the read-out (axes go around the picture, not around its read-out). */
  frame?: (picture: VNode) => VNode;
  /** The canvas and anything drawn over it. */
  children: ComponentChildren;
}

export function Readable<C>({ reader, name, inset = 0, class: extra, frame, children }: ReadableProps<C>) {
  const box = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<C | null>(null);
  const [announced, setAnnounced] = useState('');
  const readoutId = useId();
  const current = cursor !== null && reader.valid(cursor) ? cursor : null;

  // A shape change can leave the cursor outside the new data: drop it rather than read a wrong cell.
  useEffect(() => {
    if (cursor !== null && !reader.valid(cursor)) setCursor(null);
  });

  const pick = (next: C | null, announce: boolean) => {
    setCursor(next);
    if (announce && next !== null) setAnnounced(reader.read(next));
  };

  const onPointerMove = (e: PointerEvent) => {
    const canvas = box.current?.querySelector('canvas');
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const w = rect.width - 2 * inset;
    const h = rect.height - 2 * inset;
    if (w <= 0 || h <= 0) return;
    const next = reader.at((e.clientX - rect.left - inset) / w, (e.clientY - rect.top - inset) / h);
    if (next !== null) pick(next, false);
  };
  const onPointerLeave = () => {
    // A focused picture keeps its keyboard cursor; otherwise the marker goes with the pointer.
    if (!box.current?.matches(':focus')) setCursor(null);
  };
  const onFocus = () => {
    if (current === null) pick(reader.first(), true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const next = reader.move(current ?? reader.first(), e.key);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    pick(next, true);
  };

  const marker = current !== null ? reader.box(current) : null;
  const along = (f: number) => `calc(${inset}px + (100% - ${2 * inset}px) * ${f})`;
  const picture = (
    // An application takes its own keys (screen readers pass the arrows through); lint knows it as non-interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={box}
      class="readable-pic"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="application"
      aria-label={t('readableLabel', name)}
      aria-describedby={readoutId}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      {children}
      {marker && (
        <span
          class="readable-marker"
          aria-hidden="true"
          style={{
            left: along(marker.left),
            top: along(marker.top),
            width: `max(4px, calc((100% - ${2 * inset}px) * ${marker.width}))`,
            height: `max(4px, calc((100% - ${2 * inset}px) * ${marker.height}))`,
          }}
        />
      )}
    </div>
  );
  return (
    <div class={`readable${extra ? ` ${extra}` : ''}`}>
      {frame ? frame(picture) : picture}
      <p class="readout num" id={readoutId} data-cursor={current !== null ? 'on' : 'off'}>
        {current !== null ? reader.read(current) : t('readableHint')}
      </p>
      <span class="sr-only" aria-live="polite">
        {announced}
      </span>
    </div>
  );
}
