// The panel: a non-modal dialog at the page's edge with a header, a resize handle on its inner edge (pointer or
// arrow keys), dock buttons (left, right, bottom), and Escape to close. Focus moves in when it opens.

import { t, type MessageKey } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../host/icons';
import {
  clampHeight,
  clampWidth,
  MAX_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  panelHeight,
  RESIZE_STEP,
  resizeBy,
  type Dock,
  type PanelPrefs,
} from './placement';
import { isTrustedEvent, onTrusted } from '../state/trusted';

export interface PanelProps {
  id: string;
  title: string;
  subtitle?: string;
  prefs: PanelPrefs;
  onPrefs(prefs: PanelPrefs, commit: boolean): void;
  onClose(): void;
  /** Where focus goes when the panel opens (its title when this gives nothing). */
  focusOnOpen?(): HTMLElement | null | undefined;
  children: ComponentChildren;
}

const DOCKS: [Dock, MessageKey][] = [
  ['left', 'panelDockLeft'],
  ['bottom', 'panelDockBottom'],
  ['right', 'panelDockRight'],
];

export function Panel(props: PanelProps) {
  const { prefs } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const drag = useRef<{ x: number; y: number; start: PanelPrefs } | null>(null);
  const latest = useRef(prefs);
  latest.current = prefs;

  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  const focusOnOpen = useRef(props.focusOnOpen);
  useEffect(() => {
    (focusOnOpen.current?.() ?? heading.current)?.focus();
    // Escape anywhere in the panel closes it (after inner controls had their say, e.g. clearing the filter).
    const el = section.current;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
      e.preventDefault();
      e.stopPropagation();
      onClose.current();
    };
    el?.addEventListener('keydown', onKeyDown);
    return () => el?.removeEventListener('keydown', onKeyDown);
  }, []);

  const onHandleDown = (e: PointerEvent) => {
    // Only the reader's own pointer resizes (the width is remembered for the site).
    if (e.button !== 0 || !isTrustedEvent(e)) return;
    drag.current = { x: e.clientX, y: e.clientY, start: latest.current };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onHandleMove = (e: PointerEvent) => {
    const d = drag.current;
    if (d)
      props.onPrefs(
        resizeBy(d.start, e.clientX - d.x, window.innerWidth, e.clientY - d.y, window.innerHeight),
        false,
      );
  };
  const onHandleUp = () => {
    if (!drag.current) return;
    drag.current = null;
    props.onPrefs(latest.current, true);
  };
  const bottom = prefs.side === 'bottom';
  const height = panelHeight(prefs, window.innerHeight);
  const onHandleKey = (e: KeyboardEvent) => {
    if (bottom) {
      let h: number | null = null;
      if (e.key === 'ArrowUp') h = height + RESIZE_STEP;
      else if (e.key === 'ArrowDown') h = height - RESIZE_STEP;
      else if (e.key === 'Home') h = MIN_HEIGHT;
      else if (e.key === 'End') h = window.innerHeight;
      if (h === null || !isTrustedEvent(e)) return;
      e.preventDefault();
      props.onPrefs({ ...prefs, height: clampHeight(h, window.innerHeight) }, true);
      return;
    }
    const grow = prefs.side === 'right' ? 'ArrowLeft' : 'ArrowRight';
    const shrink = prefs.side === 'right' ? 'ArrowRight' : 'ArrowLeft';
    let width: number | null = null;
    if (e.key === grow) width = prefs.width + RESIZE_STEP;
    else if (e.key === shrink) width = prefs.width - RESIZE_STEP;
    else if (e.key === 'Home') width = MIN_WIDTH;
    else if (e.key === 'End') width = MAX_WIDTH;
    if (width === null || !isTrustedEvent(e)) return;
    e.preventDefault();
    props.onPrefs({ ...prefs, width: clampWidth(width, window.innerWidth) }, true);
  };
  const dock = (side: Dock) => props.onPrefs({ ...prefs, side }, true);

  return (
    <section
      ref={section}
      id={props.id}
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${props.id}-title`}
      data-side={prefs.side}
      style={bottom ? { height: `${height}px` } : { width: `${prefs.width}px` }}
    >
      {/* The ARIA window-splitter pattern: a focusable separator whose value is the width (arrow keys resize). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        class="resize"
        role="separator"
        aria-orientation={bottom ? 'horizontal' : 'vertical'}
        aria-label={bottom ? t('panelHeight') : t('panelWidth')}
        aria-valuenow={bottom ? height : prefs.width}
        aria-valuemin={bottom ? MIN_HEIGHT : MIN_WIDTH}
        aria-valuemax={bottom ? clampHeight(Infinity, window.innerHeight) : MAX_WIDTH}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onPointerDown={onHandleDown}
        onPointerMove={onHandleMove}
        onPointerUp={onHandleUp}
        onPointerCancel={onHandleUp}
        onKeyDown={onHandleKey}
      />
      <header class="panel-head">
        <span class="brand" aria-hidden="true">
          <Icon name="layers" />
        </span>
        <div class="panel-titles">
          <h2 id={`${props.id}-title`} ref={heading} tabIndex={-1}>
            {props.title}
          </h2>
          {props.subtitle && <p class="muted panel-subtitle">{props.subtitle}</p>}
        </div>
        <div class="dock" role="group" aria-label={t('panelDockGroup')}>
          {DOCKS.map(([side, label]) => (
            <button
              key={side}
              type="button"
              class="icon-button"
              data-dock={side}
              aria-label={t(label)}
              title={t(label)}
              aria-pressed={prefs.side === side}
              onClick={onTrusted(() => dock(side))}
            >
              <Icon name={`dock-${side}`} />
            </button>
          ))}
        </div>
        <button
          type="button"
          class="icon-button"
          aria-label={t('panelClose')}
          title={t('panelCloseTitle')}
          onClick={props.onClose}
        >
          <Icon name="close" />
        </button>
      </header>
      <div class="panel-body">{props.children}</div>
    </section>
  );
}
