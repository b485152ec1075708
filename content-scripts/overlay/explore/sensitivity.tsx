// "What mattered": a sensitivity map for the class the reader picks, by occlusion (a grey patch, one run per
// placement) or by gradients (one backward pass through the page's tf.js: gradient-section.tsx), drawn over their
// picture with a colour bar in numbers, its cost measured, a progress bar, and Cancel (or Escape) to stop.

import { formatNumber, t } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';
import type { Normalize } from '../../../model/image-input';
import { gradientStops, scaleFor } from '../views/colormap';
import { labelOf } from '../views/view-kind';
import type { ExploreSession } from './explore-session';
import { GradientSection } from './gradient-section';
import { ImageEditor } from './image-editor';
import { NO_EDITS } from './image-edits';
import { defaultOcclusion, occlusionGrid, sensitivityMap } from './occlusion';
import { mapPixels, runOcclusion, type OcclusionProgress } from './occlusion-run';
import { summarizeOutput } from './output-rows';
import { useCancellableRun } from './use-cancellable-run';

export interface SensitivityProps {
  session: ExploreSession;
  /** The picture as the reader edited it. */
  image: RgbaImage;
  normalize: Normalize;
  labels: readonly string[] | null;
  /** Whether gradients are offered (false on ONNX Runtime Web: they need the page's tf.js); default true. */
  gradients?: boolean;
}

/** Milliseconds as seconds with one decimal, in the reader's notation. */
function seconds(ms: number): string {
  return formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function fmt(v: number): string {
  return `${v < 0 ? '−' : v > 0 ? '+' : ''}${Math.abs(v).toPrecision(2)}`;
}

export function Sensitivity({ session, image, normalize, labels, gradients = true }: SensitivityProps) {
  const defaults = defaultOcclusion(image.width, image.height);
  const [size, setSize] = useState(defaults.size);
  const [stride, setStride] = useState(defaults.stride);
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const [method, setMethod] = useState<'occlusion' | 'gradients'>('occlusion');
  const [progress, setProgress] = useState<OcclusionProgress | null>(null);
  const box = useRef<HTMLElement>(null);
  const job = useCancellableRun(box);
  const { state, error, cancel } = job;
  const last = session.last;
  const choices = useMemo(() => {
    const out = last?.outputs[0];
    return out ? summarizeOutput(out.shape, out.values, 10).rows : [];
  }, [last]);
  useEffect(() => {
    if (classIndex === null && choices[0]) setClassIndex(choices[0].index);
  }, [choices]);
  // A new picture makes the old map meaningless.
  useEffect(() => {
    job.reset();
    setProgress(null);
  }, [image]);

  const grid = useMemo(() => occlusionGrid(image.width, image.height, size, stride), [image, size, stride]);
  const map = useMemo(
    () =>
      progress && typeof grid !== 'string'
        ? sensitivityMap(image.width, image.height, grid, progress.base, progress.scores)
        : null,
    [progress, grid],
  );
  const overlay = useMemo(() => (map ? mapPixels(map) : null), [map]);

  const start = () => {
    if (typeof grid === 'string' || classIndex === null) return;
    setProgress(null);
    void job.start((signal) =>
      runOcclusion(
        session,
        image,
        normalize,
        classIndex,
        grid,
        (p) => setProgress({ ...p, scores: [...p.scores] }),
        signal,
      ),
    );
  };

  // A map where covering changed nothing still gets its scale (a hair above zero), and says so.
  const extent = map ? Math.max(map.extent, 1e-6) : null;
  const flat = map !== null && map.extent === 0;
  const scale = extent ? scaleFor(-extent, extent) : null;
  return (
    <section class="ex-section" aria-labelledby="lt-ex-sens" ref={box}>
      <h5 id="lt-ex-sens">{t('sensHeading')}</h5>
      {method === 'occlusion' && <p class="muted">{t('sensIntro')}</p>}
      {choices.length === 0 ? (
        <p class="muted">{t('sensRunFirst')}</p>
      ) : (
        <>
          <div class="ex-row">
            <label class="ex-select">
              <span>{t('sensClass')}</span>
              <select
                value={classIndex ?? ''}
                onChange={(e) => setClassIndex(Number((e.currentTarget as HTMLSelectElement).value))}
              >
                {choices.map((c) => (
                  <option key={c.index} value={c.index}>
                    {labelOf(c.index, labels)} ({c.text})
                  </option>
                ))}
              </select>
            </label>
          </div>
          {gradients && (
            <fieldset class="ex-edits">
              <legend>{t('sensMethod')}</legend>
              {(['occlusion', 'gradients'] as const).map((value) => (
                <label class="ex-check" key={value}>
                  <input
                    type="radio"
                    name="lt-ex-sens-method"
                    value={value}
                    checked={method === value}
                    onChange={() => {
                      // Occlusion's runs stop when the reader turns to gradients (its map is kept).
                      if (value !== 'occlusion') cancel();
                      setMethod(value);
                    }}
                  />
                  <span>{value === 'occlusion' ? t('sensMethodOcclusion') : t('sensMethodGradients')}</span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      {choices.length > 0 && method === 'gradients' && (
        <GradientSection
          session={session}
          image={image}
          normalize={normalize}
          classIndex={classIndex}
          labels={labels}
          occlusionRuns={typeof grid === 'string' ? null : grid.positions.length + 1}
          onUseOcclusion={() => setMethod('occlusion')}
        />
      )}
      {choices.length > 0 && method === 'occlusion' && (
        <>
          <div class="ex-row">
            <label class="ex-select">
              <span>{t('sensPatch')}</span>
              <input
                type="number"
                min={1}
                max={Math.min(image.width, image.height)}
                value={size}
                onInput={(e) =>
                  setSize(Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 1))
                }
              />
            </label>
            <label class="ex-select">
              <span>{t('sensStride')}</span>
              <input
                type="number"
                min={1}
                max={Math.min(image.width, image.height)}
                value={stride}
                onInput={(e) =>
                  setStride(Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 1))
                }
              />
            </label>
          </div>
          <p class="muted" data-testid="ex-sens-plan">
            {typeof grid === 'string' ? grid : t('sensPlan', grid.cols, grid.rows, grid.positions.length + 1)}
          </p>
          <div class="ex-row">
            <button
              type="button"
              class="ex-button primary"
              disabled={state === 'running' || typeof grid === 'string'}
              onClick={start}
            >
              {t('sensMap')}
            </button>
            {state === 'running' && (
              <button type="button" class="ex-button" onClick={cancel}>
                {t('exCancel')}
              </button>
            )}
          </div>
        </>
      )}
      <div role="status" class="ex-status" data-testid="ex-sens-status" hidden={method !== 'occlusion'}>
        {state === 'running' && progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label={t('sensProgressLabel')} />
            <span>{t('sensProgress', progress.done, progress.total, seconds(progress.ms))}</span>
          </>
        )}
        {state === 'running' && !progress && <span>{t('sensBaseRun')}</span>}
        {(state === 'done' || state === 'cancelled') && progress && (
          <span>
            {t(
              state === 'cancelled' ? 'sensCancelledAfter' : 'sensDone',
              progress.done + 1,
              seconds(progress.ms),
              Math.round(progress.ms / (progress.done + 1)),
              formatNumber(progress.base, { maximumSignificantDigits: 3 }),
            )}
          </span>
        )}
        {state === 'error' && <span class="ex-error">{t('sensStopped', error ?? '')}</span>}
      </div>
      {overlay && method === 'occlusion' && (
        <div class="ex-map">
          <ImageEditor
            image={image}
            edits={NO_EDITS}
            onEdits={() => undefined}
            overlay={overlay}
            label={t('sensMapLabel', classIndex !== null ? labelOf(classIndex, labels) : t('sensTheClass'))}
            readOnly
          />
          {scale && extent && (
            <div
              class="ex-colorbar"
              role="img"
              aria-label={t('sensScale', formatNumber(extent, { maximumSignificantDigits: 2 }))}
            >
              <span
                class="ex-bar"
                style={{ background: `linear-gradient(to right, ${gradientStops(scale).join(', ')})` }}
              />
              <span class="ex-bar-ticks num" aria-hidden="true">
                <span>{fmt(-extent)}</span>
                <span>0</span>
                <span>{fmt(extent)}</span>
              </span>
              <span class="muted" aria-hidden="true">
                {flat ? t('sensFlat') : t('sensDrop')}
              </span>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
