// "What mattered": an occlusion sensitivity map for the class the reader picks, drawn over their picture with a
// colour bar in numbers, its cost measured (runs, time), a progress bar, and Cancel (or Escape) to stop.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';
import type { Normalize } from '../../../model/image-input';
import { gradientStops, scaleFor } from '../views/colormap';
import { labelOf } from '../views/view-kind';
import type { ExploreSession } from './explore-session';
import { ImageEditor } from './image-editor';
import { NO_EDITS } from './image-edits';
import { defaultOcclusion, occlusionGrid, sensitivityMap } from './occlusion';
import { mapPixels, runOcclusion, type OcclusionProgress } from './occlusion-run';
import { summarizeOutput } from './output-rows';
import { useEscapeWhile } from './use-escape';

export interface SensitivityProps {
  session: ExploreSession;
  /** The picture as the reader edited it. */
  image: RgbaImage;
  normalize: Normalize;
  labels: readonly string[] | null;
}

function fmt(v: number): string {
  return `${v < 0 ? '−' : v > 0 ? '+' : ''}${Math.abs(v).toPrecision(2)}`;
}

export function Sensitivity({ session, image, normalize, labels }: SensitivityProps) {
  const defaults = defaultOcclusion(image.width, image.height);
  const [size, setSize] = useState(defaults.size);
  const [stride, setStride] = useState(defaults.stride);
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const [progress, setProgress] = useState<OcclusionProgress | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'cancelled' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);
  const box = useRef<HTMLElement>(null);
  const last = session.last;
  const choices = useMemo(() => {
    const out = last?.outputs[0];
    return out ? summarizeOutput(out.shape, out.values, 10).rows : [];
  }, [last]);
  useEffect(() => {
    if (classIndex === null && choices[0]) setClassIndex(choices[0].index);
  }, [choices]);
  useEffect(() => () => stop.current?.abort(), []);
  // A new picture makes the old map meaningless.
  useEffect(() => {
    stop.current?.abort();
    setProgress(null);
    setState('idle');
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

  const start = async () => {
    if (typeof grid === 'string' || classIndex === null) return;
    stop.current?.abort();
    const ctl = new AbortController();
    stop.current = ctl;
    setState('running');
    setError(null);
    setProgress(null);
    try {
      await runOcclusion(
        session,
        image,
        normalize,
        classIndex,
        grid,
        (p) => setProgress({ ...p, scores: [...p.scores] }),
        ctl.signal,
      );
      if (!ctl.signal.aborted) setState('done');
    } catch (e) {
      if (ctl.signal.aborted) return;
      setState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const cancel = () => {
    if (state !== 'running') return;
    stop.current?.abort();
    setState('cancelled');
  };

  useEscapeWhile(state === 'running', box, cancel);

  // A map where covering changed nothing still gets its scale (a hair above zero), and says so.
  const extent = map ? Math.max(map.extent, 1e-6) : null;
  const flat = map !== null && map.extent === 0;
  const scale = extent ? scaleFor(-extent, extent) : null;
  return (
    <section class="ex-section" aria-labelledby="lt-ex-sens" ref={box}>
      <h5 id="lt-ex-sens">What mattered</h5>
      <p class="muted">
        A grey patch covers one part of the picture at a time; the map shows how much the class’s score
        dropped (red) or rose (blue) while that part was covered.
      </p>
      {choices.length === 0 ? (
        <p class="muted">Run your input first: the classes to choose from come from its output.</p>
      ) : (
        <>
          <div class="ex-row">
            <label class="ex-select">
              <span>Class</span>
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
            <label class="ex-select">
              <span>Patch</span>
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
              <span>Stride</span>
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
            {typeof grid === 'string'
              ? grid
              : `${grid.cols} × ${grid.rows} placements: ${grid.positions.length + 1} runs of the model (one without the patch).`}
          </p>
          <div class="ex-row">
            <button
              type="button"
              class="ex-button primary"
              disabled={state === 'running' || typeof grid === 'string'}
              onClick={() => void start()}
            >
              Map what mattered
            </button>
            {state === 'running' && (
              <button type="button" class="ex-button" onClick={cancel}>
                Cancel
              </button>
            )}
          </div>
        </>
      )}
      <div role="status" class="ex-status" data-testid="ex-sens-status">
        {state === 'running' && progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label="Sensitivity map progress" />
            <span>
              {progress.done} of {progress.total} placements · {(progress.ms / 1000).toFixed(1)} s · Escape or
              Cancel stops
            </span>
          </>
        )}
        {state === 'running' && !progress && <span>Running the picture without the patch…</span>}
        {(state === 'done' || state === 'cancelled') && progress && (
          <span>
            {state === 'cancelled' ? 'Cancelled after ' : 'Done: '}
            {progress.done + 1} runs of the model in {(progress.ms / 1000).toFixed(1)} s (
            {(progress.ms / (progress.done + 1)).toFixed(0)} ms a run). Score without the patch:{' '}
            {progress.base.toPrecision(3)}.
          </span>
        )}
        {state === 'error' && <span class="ex-error">The map stopped: {error}</span>}
      </div>
      {overlay && (
        <div class="ex-map">
          <ImageEditor
            image={image}
            edits={NO_EDITS}
            onEdits={() => undefined}
            overlay={overlay}
            label={`Sensitivity map for ${classIndex !== null ? labelOf(classIndex, labels) : 'the class'} over your picture`}
            readOnly
          />
          {scale && extent && (
            <div
              class="ex-colorbar"
              role="img"
              aria-label={`Colour scale: −${extent.toPrecision(2)} (blue, covering raised the score) to +${extent.toPrecision(2)} (red, covering lowered it)`}
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
                {flat ? 'covering any part left the score unchanged' : 'score drop when covered'}
              </span>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
