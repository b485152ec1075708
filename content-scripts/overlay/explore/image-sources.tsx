// Where the reader's picture comes from: the page's own last input to the model, one of the page's pictures (img,
// canvas, video frame), a drawing pad, or a file they upload (checked first: a picture, at most 20 MB).

import { t } from '../../../extension/ui/i18n';
import { useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';
import { DrawPad } from './draw-pad';
import type { ExploreSession } from './explore-session';
import { valuesToImage } from './image-edits';
import type { InputKind, InputScale } from './input-kind';
import { decodeFile, pagePictures, readPicture, type PagePicture } from './read-element';
import { decodedPictureProblem, pictureFileProblem, undecodableMessage } from './upload-rules';

export interface ImageSourcesProps {
  session: ExploreSession;
  kind: Extract<InputKind, { kind: 'image' }>;
  scale: InputScale;
  onImage(image: RgbaImage, from: string): void;
  /** The page's last input was read: its value range (for the scale guess). */
  onObserved?(range: { min: number; max: number }): void;
  onError(message: string): void;
  /** The overlay's host element (its own canvases are not offered as page pictures). */
  host?: Element | null;
}

export function ImageSources({
  session,
  kind,
  scale,
  onImage,
  onObserved,
  onError,
  host,
}: ImageSourcesProps) {
  const [pictures, setPictures] = useState<PagePicture[] | null>(null);
  const [chosen, setChosen] = useState(0);
  const [drawing, setDrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const fromPage = async () => {
    setBusy(true);
    try {
      const last = await session.pageInput();
      if (!last) return onError(t('exNoRunYet'));
      let min = Infinity;
      let max = -Infinity;
      for (const v of last.values) [min, max] = [Math.min(min, v), Math.max(max, v)];
      onObserved?.({ min, max });
      const image = valuesToImage(last.values, last.shape, scale, kind.int32, kind.layout);
      if (!image) return onError(t('exNotPicture', last.shape.join(', ')));
      setDrawing(false);
      onImage(image, t('exLastInputName'));
    } catch (e) {
      onError(t('exLastInputFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };
  const list = () => {
    const found = pagePictures(document, host ?? null);
    setPictures(found);
    setChosen(0);
    if (found.length === 0) onError(t('exNoPictures'));
  };
  const usePicture = () => {
    const p = pictures?.[chosen];
    if (!p) return;
    try {
      setDrawing(false);
      onImage(readPicture(p), p.label);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  const upload = async (f: File) => {
    const problem = pictureFileProblem(f);
    if (problem) return onError(problem);
    let image: RgbaImage;
    try {
      const bitmap = await createImageBitmap(f);
      const size = decodedPictureProblem(f.name, bitmap.width, bitmap.height);
      bitmap.close();
      if (size) return onError(size);
      image = await decodeFile(f);
    } catch {
      return onError(undecodableMessage(f.name));
    }
    setDrawing(false);
    onImage(image, f.name);
  };

  const padW = kind.width ?? 64;
  const padH = kind.height ?? 64;
  return (
    <div class="ex-sources" role="group" aria-label={t('exSources')}>
      <div class="ex-row">
        <button type="button" class="ex-button" onClick={() => void fromPage()} disabled={busy}>
          {t('exLastInput')}
        </button>
        <button type="button" class="ex-button" onClick={list}>
          {t('exPagePictures')}
        </button>
        <button type="button" class="ex-button" aria-pressed={drawing} onClick={() => setDrawing(!drawing)}>
          {t('exDraw')}
        </button>
        <button type="button" class="ex-button" onClick={() => file.current?.click()}>
          {t('exUpload')}
        </button>
        <input
          ref={file}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,image/bmp"
          class="ex-file"
          aria-label={t('exUploadLabel')}
          tabIndex={-1}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void upload(f);
          }}
        />
      </div>
      {pictures && pictures.length > 0 && (
        <div class="ex-row">
          <label class="ex-select">
            <span>{t('exPagePicture')}</span>
            <select
              value={chosen}
              onChange={(e) => setChosen(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {pictures.map((p, i) => (
                <option key={i} value={i}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="ex-button" onClick={usePicture}>
            {t('exUseIt')}
          </button>
        </div>
      )}
      {drawing && (
        <DrawPad width={padW} height={padH} onImage={(image) => onImage(image, t('exYourDrawing'))} />
      )}
    </div>
  );
}
