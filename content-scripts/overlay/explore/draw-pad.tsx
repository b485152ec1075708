// A drawing pad for models that take pictures: draw with a pointer, or with the keyboard (arrows move the pen,
// Space puts ink down while moving, C clears). Each stroke hands the picture on.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';

export interface DrawPadProps {
  width: number;
  height: number;
  onImage(image: RgbaImage): void;
  /** Ink on paper: white on black (digits, shapes) or black on white. */
  ink?: 'white' | 'black';
}

const SHOW = 200;

export function DrawPad({ width, height, onImage, ink = 'white' }: DrawPadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const down = useRef(false);
  const [pen, setPen] = useState({ x: Math.floor(width / 2), y: Math.floor(height / 2), inking: false });
  const paper = ink === 'white' ? '#000' : '#fff';
  const color = ink === 'white' ? '#fff' : '#000';
  const brush = Math.max(1, Math.round(Math.min(width, height) / 12));

  const ctx = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  const clear = () => {
    const c = ctx();
    if (!c) return;
    c.fillStyle = paper;
    c.fillRect(0, 0, width, height);
  };
  const emit = () => {
    const c = ctx();
    if (!c) return;
    onImage({ width, height, rgba: new Uint8ClampedArray(c.getImageData(0, 0, width, height).data) });
  };
  const dot = (x: number, y: number) => {
    const c = ctx();
    if (!c) return;
    c.fillStyle = color;
    c.beginPath();
    c.arc(x, y, brush / 2, 0, Math.PI * 2);
    c.fill();
  };
  useEffect(() => {
    clear();
    emit();
  }, [width, height, ink]);

  const at = (e: PointerEvent): [number, number] => {
    const r = canvas.current!.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * width, ((e.clientY - r.top) / r.height) * height];
  };
  const onKey = (e: KeyboardEvent) => {
    const k = Math.max(1, Math.round(brush / 2));
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-k, 0],
      ArrowRight: [k, 0],
      ArrowUp: [0, -k],
      ArrowDown: [0, k],
    };
    if (e.key === ' ') {
      e.preventDefault();
      const inking = !pen.inking;
      setPen({ ...pen, inking });
      if (inking) {
        dot(pen.x, pen.y);
        emit();
      }
      return;
    }
    if (e.key === 'c' || e.key === 'C') {
      e.preventDefault();
      clear();
      emit();
      return;
    }
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const x = Math.min(width - 1, Math.max(0, pen.x + m[0]));
    const y = Math.min(height - 1, Math.max(0, pen.y + m[1]));
    setPen({ ...pen, x, y });
    if (pen.inking) {
      dot(x, y);
      emit();
    }
  };
  const scale = SHOW / Math.max(width, height);
  return (
    <div class="ex-pad">
      <div
        class="ex-pad-box"
        style={{ width: `${Math.round(width * scale)}px`, height: `${Math.round(height * scale)}px` }}
      >
        <canvas
          ref={canvas}
          width={width}
          height={height}
          class="pixelated ex-pad-canvas"
          tabIndex={0}
          aria-label={t(pen.inking ? 'exPadLabelInking' : 'exPadLabel', width, height, pen.x, pen.y)}
          aria-roledescription={t('exPadRole')}
          onKeyDown={onKey}
          onPointerDown={(e) => {
            down.current = true;
            canvas.current?.setPointerCapture?.(e.pointerId);
            dot(...at(e));
            emit();
          }}
          onPointerMove={(e) => {
            if (!down.current) return;
            dot(...at(e));
            emit();
          }}
          onPointerUp={() => (down.current = false)}
          onPointerCancel={() => (down.current = false)}
        />
        <span
          class="ex-pen"
          aria-hidden="true"
          style={{ left: `${pen.x * scale}px`, top: `${pen.y * scale}px` }}
          data-inking={pen.inking ? '' : undefined}
        />
      </div>
      <button
        type="button"
        class="ex-button"
        onClick={() => {
          clear();
          emit();
        }}
      >
        {t('exClearPad')}
      </button>
    </div>
  );
}
