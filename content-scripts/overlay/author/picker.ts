// Pick mode: the annotator points at the page. Hover reports the element under the pointer (the overlay draws the
// box; the page is never restyled), a click anchors that element, a text selection anchors its text, Escape
// stops. Page handlers do not see the pointer while picking, and nothing inside the overlay can be picked.

import { isTrustedEvent } from '../state/trusted';

export type Picked = { kind: 'element'; element: Element } | { kind: 'range'; range: Range };

export interface PickerOptions {
  /** The overlay's host element: events inside it are never picks. */
  host: Element;
  onHover(element: Element | null): void;
  onPick(picked: Picked): void;
  onCancel(): void;
}

const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'dblclick'];

/** Starts picking; returns the function that stops it (removing every listener). */
export function startPicking({ host, onHover, onPick, onCancel }: PickerOptions): () => void {
  const doc = host.ownerDocument;
  const win = doc.defaultView as Window;
  const ours = (e: Event) => e.composedPath().includes(host);
  const stop = new AbortController();
  const options = { capture: true, signal: stop.signal };

  win.addEventListener(
    'pointermove',
    (e) => {
      if (ours(e)) return onHover(null);
      const target = e.target instanceof Element ? e.target : null;
      onHover(target && target !== doc.documentElement && target !== doc.body ? target : null);
    },
    options,
  );
  // The page's own handlers (drawing on a canvas, buttons) must not run on a pick; text selection still works
  // because the default action is left alone.
  for (const type of SWALLOWED)
    win.addEventListener(
      type,
      (e) => {
        if (!ours(e)) e.stopPropagation();
      },
      options,
    );
  win.addEventListener(
    'click',
    (e) => {
      if (ours(e)) return;
      e.preventDefault();
      e.stopPropagation();
      // A click the page's script made is swallowed but anchors nothing: only the reader points.
      if (!isTrustedEvent(e)) return;
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed && selection.rangeCount > 0) {
        const range = selection.getRangeAt(0);
        if (!host.contains(range.commonAncestorContainer)) {
          onPick({ kind: 'range', range: range.cloneRange() });
          selection.removeAllRanges();
          return;
        }
      }
      const target = e.target instanceof Element ? e.target : null;
      if (target && target !== doc.documentElement && target !== doc.body)
        onPick({ kind: 'element', element: target });
    },
    options,
  );
  win.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    },
    options,
  );
  return () => {
    stop.abort();
    onHover(null);
  };
}
