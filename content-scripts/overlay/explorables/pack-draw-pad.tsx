// A pack control's drawing pad at the model's input size, shown enlarged: draw with a pointer, or with the
// keyboard (arrows move the pen, Space inks where it is, C clears). Each finished stroke hands the picture on.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';

export interface PackDrawPadProps {
  id: string;
  label: string;
  width: number;
  height: number;
  onImage(image: RgbaImage): void;
}

const SHOWN = 168;

export function PackDrawPad({ id, label, width, height, onImage }: PackDrawPadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [pen, setPen] = useState({ x: Math.floor(width / 2), y: Math.floor(height / 2) });
  const brush = Math.max(1, Math.round(Math.min(width, height) / 14));
  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const clear = () => {
    const c = context();
    if (!c) return;
    c.fillStyle = '#000';
    c.fillRect(0, 0, width, height);
  };
  const ink = (x: number, y: number) => {
    const c = context();
    if (!c) return;
    c.fillStyle = '#fff';
    c.beginPath();
    c.arc(x + 0.5, y + 0.5, brush, 0, Math.PI * 2);
    c.fill();
  };
  const emit = () => {
    const c = context();
    if (!c) return;
    const data = c.getImageData(0, 0, width, height);
    onImage({ width, height, rgba: new Uint8ClampedArray(data.data) });
  };
  useEffect(clear, [width, height]);

  const at = (e: PointerEvent) => {
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return {
      x: Math.floor(((e.clientX - rect.left) / rect.width) * width),
      y: Math.floor(((e.clientY - rect.top) / rect.height) * height),
    };
  };

  return (
    <div class="xp-pad">
      <canvas
        ref={canvas}
        id={id}
        width={width}
        height={height}
        style={{ width: `${SHOWN}px`, height: `${Math.round((SHOWN * height) / width)}px` }}
        tabIndex={0}
        role="img"
        aria-label={t('xpPadLabel', label, width, height)}
        onPointerDown={(e) => {
          drawing.current = true;
          (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
          const p = at(e);
          ink(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const p = at(e);
          ink(p.x, p.y);
        }}
        onPointerUp={() => {
          if (!drawing.current) return;
          drawing.current = false;
          emit();
        }}
        onKeyDown={(e) => {
          const moves: Record<string, [number, number]> = {
            ArrowLeft: [-1, 0],
            ArrowRight: [1, 0],
            ArrowUp: [0, -1],
            ArrowDown: [0, 1],
          };
          const move = moves[e.key];
          if (move) {
            const next = {
              x: Math.min(width - 1, Math.max(0, pen.x + move[0])),
              y: Math.min(height - 1, Math.max(0, pen.y + move[1])),
            };
            setPen(next);
            if (e.shiftKey) {
              ink(next.x, next.y);
              emit();
            }
          } else if (e.key === ' ') {
            ink(pen.x, pen.y);
            emit();
          } else if (e.key === 'c' || e.key === 'C') {
            clear();
            emit();
          } else return;
          // Handled here: not a tour step change, not a page shortcut.
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <span
        class="xp-pen"
        aria-hidden="true"
        style={{ left: `${((pen.x + 0.5) / width) * 100}%`, top: `${((pen.y + 0.5) / height) * 100}%` }}
      />
      <button
        type="button"
        class="secondary small"
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
