// The in-page launcher: a button named "Explain this model" that toggles the panel, can be dragged by pointer or
// moved with the arrow keys, and keeps clear of the viewport's edges. Moves are applied once per animation frame.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../host/icons';
import { clampPosition, dragBy, isDrag, keyMove, type LauncherPosition, type Size } from './position';
import { isTrustedEvent } from '../state/trusted';

export interface LauncherProps {
  position: LauncherPosition;
  expanded: boolean;
  hidden: boolean;
  /** The panel was asked for and its code is still loading. */
  busy?: boolean;
  controls: string;
  onToggle(): void;
  /** A move finished (drag released, key pressed, viewport resized): the new place, to remember. */
  onMoved(position: LauncherPosition): void;
  /** The reader showed interest (hover, focus): a hint to prepare the outline. */
  onIntent?(): void;
}

const viewport = (): Size => ({ width: window.innerWidth, height: window.innerHeight });

export function Launcher(props: LauncherProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const [dragging, setDragging] = useState(false);
  const live = useRef(props.position);
  const frame = useRef(0);
  const drag = useRef<{ x: number; y: number; start: LauncherPosition; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const size = (): Size => {
    const r = ref.current?.getBoundingClientRect();
    return { width: r?.width || 120, height: r?.height || 40 };
  };
  const apply = (p: LauncherPosition) => {
    live.current = p;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = ref.current;
      if (!el) return;
      el.style.setProperty('right', `${live.current.right}px`);
      el.style.setProperty('bottom', `${live.current.bottom}px`);
    });
  };

  // Follow a position chosen elsewhere (restored from storage), clamped to this viewport.
  useEffect(() => {
    apply(clampPosition(props.position, viewport(), size()));
  }, [props.position.right, props.position.bottom, props.hidden]);

  useEffect(() => {
    const onResize = () => {
      const next = clampPosition(live.current, viewport(), size());
      if (next.right !== live.current.right || next.bottom !== live.current.bottom) apply(next);
    };
    window.addEventListener('resize', onResize, { passive: true });
    return () => {
      window.removeEventListener('resize', onResize);
      if (frame.current) cancelAnimationFrame(frame.current);
    };
  }, []);

  const onPointerDown = (e: PointerEvent) => {
    // Only the reader's own pointer drags (a drag is remembered for the site).
    if (e.button !== 0 || !e.isPrimary || !isTrustedEvent(e)) return;
    drag.current = { x: e.clientX, y: e.clientY, start: live.current, moved: false };
    ref.current?.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && !isDrag(dx, dy)) return;
    if (!d.moved) {
      d.moved = true;
      setDragging(true);
    }
    apply(dragBy(d.start, dx, dy, viewport(), size()));
  };
  const onPointerEnd = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (ref.current?.hasPointerCapture(e.pointerId)) ref.current.releasePointerCapture(e.pointerId);
    if (!d?.moved) return;
    suppressClick.current = true;
    setDragging(false);
    props.onMoved(live.current);
  };
  const onClick = () => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    props.onToggle();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const move = keyMove(e.key, e.shiftKey);
    if (!move || e.altKey || e.ctrlKey || e.metaKey || !isTrustedEvent(e)) return;
    e.preventDefault();
    const next = dragBy(live.current, move.dx, move.dy, viewport(), size());
    apply(next);
    props.onMoved(next);
  };

  return (
    <button
      ref={ref}
      type="button"
      class="launcher"
      aria-label={t('launcherLabel')}
      aria-expanded={props.expanded}
      aria-busy={props.busy ? 'true' : undefined}
      aria-controls={props.controls}
      aria-describedby="lt-launcher-hint"
      data-dragging={dragging ? 'true' : 'false'}
      hidden={props.hidden}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onPointerEnter={props.onIntent}
      onFocus={props.onIntent}
    >
      <Icon name="layers" />
      <span aria-hidden="true">{t('launcherText')}</span>
      <span id="lt-launcher-hint" class="sr-only">
        {t('launcherHint')}
      </span>
    </button>
  );
}
