// Page notes whose element the page does not show (display: none, invisible, no size): they cannot stand beside
// it, so the panel lists them with the reason and the popup counts them — never silently dropped. Watched with a
// ResizeObserver on the anchors (showing or hiding an element changes its size), so it costs nothing per frame.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Annotation } from '../../../annotations/format/types';
import type { PlacedItem } from '../pack/resolve';

export interface HiddenNote {
  annotation: Annotation;
  index: number;
  reason: string;
}

/** Why `el` is not shown on the page now, or null when it is. */
export function hiddenReason(el: Element): string | null {
  if (!el.isConnected) return t('hiddenGone');
  const view = el.ownerDocument.defaultView;
  if (!view) return null;
  // jsdom lays nothing out: there every size is 0, so size says nothing without a layout engine.
  const laidOut = typeof view.ResizeObserver === 'function';
  const sized = () => {
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  // The common case, shown: one call where the browser has it (no walk up the ancestors).
  const check = (el as Element & { checkVisibility?(o?: object): boolean }).checkVisibility;
  if (laidOut && typeof check === 'function' && check.call(el, { visibilityProperty: true }) && sized())
    return null;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (view.getComputedStyle(e).display === 'none')
      return e === el ? t('hiddenDisplayNone') : t('hiddenInsideDisplayNone');
  }
  const visibility = view.getComputedStyle(el).visibility;
  if (visibility === 'hidden' || visibility === 'collapse') return t('hiddenInvisible');
  if (laidOut && !sized()) return t('hiddenNoSpace');
  return null;
}

/** The placed page notes whose element is not shown, in the pack's order; kept current as the page changes. */
export function hiddenNotes(placed: readonly PlacedItem[]): HiddenNote[] {
  const out: HiddenNote[] = [];
  for (const p of placed) {
    if (!p.page) continue;
    const reason = hiddenReason(p.page.element);
    if (reason) out.push({ annotation: p.annotation, index: p.index, reason });
  }
  return out;
}

const same = (a: readonly HiddenNote[], b: readonly HiddenNote[]) =>
  a.length === b.length && a.every((h, i) => h.annotation === b[i]!.annotation && h.reason === b[i]!.reason);

export function useHiddenNotes(placed: readonly PlacedItem[] | undefined): HiddenNote[] {
  const [hidden, setHidden] = useState<HiddenNote[]>([]);
  useEffect(() => {
    if (!placed) {
      setHidden([]);
      return;
    }
    const check = () => {
      const now = hiddenNotes(placed);
      setHidden((before) => (same(before, now) ? before : now));
    };
    check();
    if (typeof ResizeObserver !== 'function') return;
    // Only a change between some size and none can show or hide a note: anchors that merely resize (a live bar)
    // cost nothing more.
    let frame = 0;
    const empty = new WeakMap<Element, boolean>();
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const now = entry.contentRect.width === 0 && entry.contentRect.height === 0;
        if (empty.get(entry.target) !== now) changed = true;
        empty.set(entry.target, now);
      }
      if (!changed) return;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        check();
      });
    });
    for (const p of placed) if (p.page) observer.observe(p.page.element);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [placed]);
  return hidden;
}
