// "What mattered" by gradients: one forward and one backward pass through the page's own tf.js for the class the
// reader picked, drawn over their picture (|gradient| or gradient × input) with a numbered colour bar, where it is
// strongest in words, its measured cost beside occlusion's run count, Cancel (or Escape) while it runs, and the reason
// when this model gives no gradients (occlusion stays one click away).

import { formatNumber, t, type MessageKey } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';
import type { Normalize } from '../../../model/image-input';
import { gradientStops } from '../views/colormap';
import { labelOf } from '../views/view-kind';
import type { ExploreSession } from './explore-session';
import { useExploreFeed } from './explore-context';
import {
  gradientOnPicture,
  gradientPixels,
  strongestNinth,
  type GradientShow,
  type Ninth,
} from './gradient-map';
import { runGradientMap, type GradientRun } from './gradient-run';
import { ImageEditor } from './image-editor';
import { NO_EDITS } from './image-edits';
import { useCancellableRun } from './use-cancellable-run';

export interface GradientSectionProps {
  session: ExploreSession;
  image: RgbaImage;
  normalize: Normalize;
  classIndex: number | null;
  labels: readonly string[] | null;
  /** Runs occlusion would take with its current patch (for the cost comparison), or null. */
  occlusionRuns: number | null;
  onUseOcclusion: () => void;
}

const NINTHS: Record<Ninth, MessageKey> = {
  0: 'gradTopLeft',
  1: 'gradTop',
  2: 'gradTopRight',
  3: 'gradLeft',
  4: 'gradCentre',
  5: 'gradRight',
  6: 'gradBottomLeft',
  7: 'gradBottom',
  8: 'gradBottomRight',
};

function num(v: number): string {
  return formatNumber(v, { maximumSignificantDigits: 2 });
}

export function GradientSection(props: GradientSectionProps) {
  const { session, image, normalize, classIndex, labels, occlusionRuns, onUseOcclusion } = props;
  const api = useExploreFeed()?.api;
  const [show, setShow] = useState<GradientShow>('magnitude');
  const [run, setRun] = useState<GradientRun | null>(null);
  const [ranFor, setRanFor] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const job = useCancellableRun(box);
  const { state, error, cancel } = job;
  // A new picture makes the old map meaningless.
  useEffect(() => {
    job.reset();
    setRun(null);
  }, [image]);

  const map = run?.map ?? null;
  const picture = useMemo(
    () => (map ? gradientOnPicture(map, show, image.width, image.height) : null),
    [map, show, image],
  );
  const overlay = useMemo(() => (picture ? gradientPixels(picture) : null), [picture]);
  const where = useMemo(() => (map ? strongestNinth(map, show) : null), [map, show]);

  const start = () => {
    if (!api?.gradient || classIndex === null) return;
    setRun(null);
    void job.start(async (signal) => {
      const got = await runGradientMap(
        api,
        session.graph,
        { kind: 'image', image, normalize },
        classIndex,
        signal,
      );
      if (signal.aborted) return;
      setRun(got);
      setRanFor(classIndex);
    });
  };

  const className = ranFor !== null ? labelOf(ranFor, labels) : t('sensTheClass');
  const extent = picture ? Math.max(picture.extent, 1e-12) : null;
  return (
    <div class="ex-map" ref={box} data-testid="ex-grad">
      <p class="muted" data-testid="ex-grad-plan">
        {occlusionRuns !== null ? t('gradPlan', occlusionRuns) : t('gradPlanAlone')}
      </p>
      <fieldset class="ex-edits">
        <legend>{t('gradShow')}</legend>
        {(['magnitude', 'gradTimesInput'] as const).map((value) => (
          <label class="ex-check" key={value}>
            <input
              type="radio"
              name="lt-ex-grad-show"
              value={value}
              checked={show === value}
              onChange={() => setShow(value)}
            />
            <span>{value === 'magnitude' ? t('gradShowMagnitude') : t('gradShowTimesInput')}</span>
          </label>
        ))}
      </fieldset>
      <div class="ex-row">
        <button
          type="button"
          class="ex-button primary"
          disabled={state === 'running' || classIndex === null || !api?.gradient}
          onClick={start}
        >
          {t('gradMap')}
        </button>
        {state === 'running' && (
          <button type="button" class="ex-button" onClick={cancel}>
            {t('exCancel')}
          </button>
        )}
      </div>
      <div role="status" class="ex-status" data-testid="ex-grad-status">
        {state === 'running' && (
          <>
            <progress aria-label={t('gradProgressLabel')} />
            <span>{t('gradRunning')}</span>
          </>
        )}
        {state === 'cancelled' && <span>{t('gradCancelled')}</span>}
        {state === 'done' && run?.map && (
          <span>
            {t(
              'gradDone',
              formatNumber(Math.round(run.wallMs)),
              formatNumber(Math.round(run.map.ms)),
              formatNumber(run.map.score, { maximumSignificantDigits: 3 }),
            )}
          </span>
        )}
        {state === 'done' && run && run.unsupported !== null && (
          <span class="ex-error">{t('gradUnsupported', run.unsupported.replace(/^gradients:\s*/, ''))}</span>
        )}
        {state === 'error' && <span class="ex-error">{t('sensStopped', error ?? '')}</span>}
      </div>
      {state === 'done' && run && run.unsupported !== null && (
        <div class="ex-row">
          <button type="button" class="ex-button" onClick={onUseOcclusion}>
            {t('gradUseOcclusion')}
          </button>
        </div>
      )}
      {overlay && picture && extent !== null && (
        <>
          <ImageEditor
            image={image}
            edits={NO_EDITS}
            onEdits={() => undefined}
            overlay={overlay}
            label={t(show === 'magnitude' ? 'gradMapLabel' : 'gradTimesInputLabel', className)}
            readOnly
          />
          <div
            class="ex-colorbar"
            role="img"
            aria-label={
              show === 'magnitude' ? t('gradScale', num(extent)) : t('gradScaleSigned', num(extent))
            }
          >
            <span
              class="ex-bar"
              style={{ background: `linear-gradient(to right, ${gradientStops(picture.scale).join(', ')})` }}
            />
            <span class="ex-bar-ticks num" aria-hidden="true">
              {show === 'magnitude' ? (
                <>
                  <span>0</span>
                  <span>{num(extent)}</span>
                </>
              ) : (
                <>
                  <span>−{num(extent)}</span>
                  <span>0</span>
                  <span>+{num(extent)}</span>
                </>
              )}
            </span>
          </div>
          <p class="muted" data-testid="ex-grad-where">
            {picture.extent === 0 || !where
              ? t('gradFlat')
              : t('gradWhere', t(NINTHS[where.ninth]), formatNumber(where.share, { style: 'percent' }))}
          </p>
        </>
      )}
    </div>
  );
}
