// The reader's picture with its edits: drawn as the model will get it, an occluding patch to drag (or move with the
// arrow keys), and brightness, contrast, flip and shift controls, each labelled for screen readers.

import { formatNumber, t } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';
import { putPixels } from '../views/canvas';
import { applyEdits, defaultPatch, movePatch, NO_EDITS, type ImageEdits } from './image-edits';

export interface ImageEditorProps {
  image: RgbaImage;
  edits: ImageEdits;
  onEdits(edits: ImageEdits): void;
  /** What the picture is, for its text alternative ("the page's last input"). */
  label?: string;
  /** Drawn over the picture (the sensitivity map), same size. */
  overlay?: Uint8ClampedArray | null;
  /** Only the picture (and overlay): no patch, no controls. */
  readOnly?: boolean;
}

/** Largest side the picture is shown at, CSS pixels. */
const SHOW = 240;

export function ImageEditor({ image, edits, onEdits, label, overlay, readOnly }: ImageEditorProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const over = useRef<HTMLCanvasElement>(null);
  const edited = useMemo(() => applyEdits(image, edits), [image, edits]);
  const scale = SHOW / Math.max(image.width, image.height);
  useEffect(() => {
    if (canvas.current) putPixels(canvas.current, edited.width, edited.height, edited.rgba);
  }, [edited]);
  useEffect(() => {
    if (over.current && overlay) putPixels(over.current, image.width, image.height, overlay);
  }, [overlay, image]);
  const set = (part: Partial<ImageEdits>) => onEdits({ ...edits, ...part });
  const patch = edits.patch;
  const drag = useRef<{ x: number; y: number; px: number; py: number } | null>(null);
  const w = image.width;
  const h = image.height;
  const step = Math.max(1, Math.round(Math.min(w, h) / 32));

  const onKey = (e: KeyboardEvent) => {
    if (!patch) return;
    const k = e.shiftKey ? 4 * step : step;
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-k, 0],
      ArrowRight: [k, 0],
      ArrowUp: [0, -k],
      ArrowDown: [0, k],
    };
    const move = d[e.key];
    if (!move) return;
    e.preventDefault();
    set({ patch: movePatch(patch, move[0], move[1], w, h) });
  };
  const onDown = (e: PointerEvent) => {
    if (!patch) return;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, px: patch.x, py: patch.y };
  };
  const onMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || !patch) return;
    const moved = movePatch(
      { ...patch, x: d.px, y: d.py },
      (e.clientX - d.x) / scale,
      (e.clientY - d.y) / scale,
      w,
      h,
    );
    set({ patch: { ...moved, x: Math.round(moved.x), y: Math.round(moved.y) } });
  };
  const onUp = () => {
    drag.current = null;
  };

  const range = (
    name: string,
    value: number,
    min: number,
    max: number,
    stepSize: number,
    onValue: (v: number) => void,
    shown: string,
  ) => (
    <label class="ex-range">
      <span>{name}</span>
      <input
        type="range"
        min={min}
        max={max}
        step={stepSize}
        value={value}
        aria-valuetext={shown}
        onInput={(e) => onValue(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <output class="num">{shown}</output>
    </label>
  );

  return (
    <div class="ex-editor">
      <div
        class="ex-picture"
        style={{ width: `${Math.round(w * scale)}px`, height: `${Math.round(h * scale)}px` }}
      >
        <canvas
          ref={canvas}
          class="pixelated"
          role="img"
          aria-label={t('exPictureLabel', label ?? t('exYourPicture'), w, h)}
        />
        {overlay && <canvas ref={over} class="pixelated ex-overlay" aria-hidden="true" />}
        {patch && !readOnly && (
          <button
            type="button"
            class="ex-patch"
            style={{
              left: `${patch.x * scale}px`,
              top: `${patch.y * scale}px`,
              width: `${patch.size * scale}px`,
              height: `${patch.size * scale}px`,
            }}
            aria-label={t('exPatchLabel', patch.x, patch.y, patch.size)}
            onKeyDown={onKey}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
          />
        )}
      </div>
      {!readOnly && (
        <fieldset class="ex-edits">
          <legend>{t('exEditPicture')}</legend>
          <label class="ex-check">
            <input
              type="checkbox"
              checked={patch !== null}
              onChange={(e) =>
                set({ patch: (e.currentTarget as HTMLInputElement).checked ? defaultPatch(w, h) : null })
              }
            />
            {t('exCoverPatch')}
          </label>
          {patch &&
            range(
              t('exPatchSize'),
              patch.size,
              1,
              Math.min(w, h),
              1,
              (v) => set({ patch: movePatch({ ...patch, size: v }, 0, 0, w, h) }),
              t('exPixels', patch.size),
            )}
          {range(
            t('exBrightness'),
            edits.brightness,
            -1,
            1,
            0.05,
            (v) => set({ brightness: v }),
            signed(edits.brightness),
          )}
          {range(
            t('exContrast'),
            edits.contrast,
            0,
            3,
            0.05,
            (v) => set({ contrast: v }),
            `× ${formatNumber(edits.contrast, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
          )}
          {range(
            t('exShiftRight'),
            edits.dx,
            -Math.floor(w / 2),
            Math.floor(w / 2),
            1,
            (v) => set({ dx: v }),
            t('exPixels', edits.dx),
          )}
          {range(
            t('exShiftDown'),
            edits.dy,
            -Math.floor(h / 2),
            Math.floor(h / 2),
            1,
            (v) => set({ dy: v }),
            t('exPixels', edits.dy),
          )}
          <label class="ex-check">
            <input
              type="checkbox"
              checked={edits.flipH}
              onChange={(e) => set({ flipH: (e.currentTarget as HTMLInputElement).checked })}
            />
            {t('exFlipH')}
          </label>
          <label class="ex-check">
            <input
              type="checkbox"
              checked={edits.flipV}
              onChange={(e) => set({ flipV: (e.currentTarget as HTMLInputElement).checked })}
            />
            {t('exFlipV')}
          </label>
          <button type="button" class="ex-button" onClick={() => onEdits(NO_EDITS)}>
            {t('exUndoAll')}
          </button>
        </fieldset>
      )}
    </div>
  );
}

function signed(v: number): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;
}
