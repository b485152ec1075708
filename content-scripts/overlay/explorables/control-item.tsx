// A pack's control in the panel or the tour: the slider, choice of pictures or drawing pad, the model's answer
// for the reader's setting (run through the probe, latest setting wins), whether open views follow it, and the
// caption with its live values.

import { t } from '../../../extension/ui/i18n';
import { useEffect } from 'preact/hooks';
import { describeControlSetting } from '../../../annotations/checks/explore';
import type { ControlAnnotation, ControlSetting } from '../../../annotations/format/types';
import { usePackUi } from '../pack/pack-context';
import { RichHtml } from '../pack/rich-html';
import type { ExplorablesStore } from './explorables-store';
import { ControlFollowLine } from './follow-views';
import { ModelAnswer } from './model-answer';
import { PackDrawPad } from './pack-draw-pad';
import { useEntry, useExplorables } from './use-explorables';

/** A slider's step: the pack's, else a hundredth of its range. */
const stepOf = (body: { min: number; max: number; step?: number }): number =>
  body.step ?? (body.max - body.min) / 100;

function Slider({
  annotation,
  store,
  idBase,
}: {
  annotation: ControlAnnotation;
  store: ExplorablesStore;
  idBase: string;
}) {
  const body = annotation.body;
  if (body.control !== 'slider') return null;
  const value = Number(store.control(annotation.id)?.setting ?? body.value ?? body.min);
  return (
    <div class="xp-slider">
      {/* The section's heading shows the label; the input keeps its own for screen readers. */}
      <label for={`${idBase}-input`} class="sr-only">
        {body.label}
      </label>
      <input
        id={`${idBase}-input`}
        type="range"
        min={body.min}
        max={body.max}
        step={stepOf(body)}
        value={value}
        aria-valuetext={describeControlSetting(annotation, value)}
        onInput={(e) => void store.set(annotation.id, Number((e.currentTarget as HTMLInputElement).value))}
      />
      <output for={`${idBase}-input`} class="mono">
        {Number(value.toPrecision(4))}
      </output>
    </div>
  );
}

function Choice({
  annotation,
  store,
  idBase,
}: {
  annotation: ControlAnnotation;
  store: ExplorablesStore;
  idBase: string;
}) {
  const ui = usePackUi();
  const body = annotation.body;
  if (body.control !== 'choice') return null;
  const chosen = store.control(annotation.id)?.setting;
  return (
    <fieldset class="xp-choice">
      <legend class="sr-only">{body.label}</legend>
      {body.options.map((option) => {
        const example = ui?.session.active.pack.items.find((a) => a.id === option);
        const image =
          example?.kind === 'example' &&
          'image' in example.body.input &&
          example.body.input.image.startsWith('data:image/')
            ? example.body.input.image
            : null;
        return (
          <label key={option} class="xp-option">
            <input
              type="radio"
              name={`${idBase}-choice`}
              value={option}
              checked={chosen === option}
              onChange={() => void store.set(annotation.id, option)}
            />
            {image && <img src={image} alt="" width={40} height={40} />}
            <span>{option}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The model's input height and width for a drawing pad (28 × 28 when the model does not say). */
function padSize(store: ExplorablesStore, annotation: ControlAnnotation): [number, number] {
  const alias = annotation.target?.model?.model ?? [...store.engineGraphs().keys()][0];
  const shape = alias === undefined ? undefined : store.engineGraphs().get(alias)?.inputs[0]?.shape;
  const h = shape?.[1];
  const w = shape?.[2];
  return typeof h === 'number' && h > 0 && h <= 512 && typeof w === 'number' && w > 0 && w <= 512
    ? [h, w]
    : [28, 28];
}

export function ControlItem({ annotation, where }: { annotation: ControlAnnotation; where: string }) {
  const ui = usePackUi();
  const store = useExplorables();
  useEntry(store, annotation.id);
  const idBase = `lt-xp-${where}-${annotation.id}`;
  useEffect(() => {
    // The control shows the model's answer for where it starts: one probe run when it first appears.
    const state = store?.control(annotation.id);
    if (store && state && state.status === 'idle' && state.setting !== null)
      void store.set(annotation.id, state.setting as ControlSetting, { follow: false });
  }, [store, annotation.id]);
  if (!ui || !store) return null;
  const body = annotation.body;
  const state = store.control(annotation.id);
  const [h, w] = body.control === 'draw' ? padSize(store, annotation) : [0, 0];
  return (
    <section class="xp-control" data-xp-control={annotation.id} aria-labelledby={`${idBase}-title`}>
      <h5 id={`${idBase}-title`} class="xp-title">
        {body.label}
      </h5>
      {body.control === 'slider' && <Slider annotation={annotation} store={store} idBase={idBase} />}
      {body.control === 'choice' && <Choice annotation={annotation} store={store} idBase={idBase} />}
      {body.control === 'draw' && (
        <PackDrawPad
          id={`${idBase}-pad`}
          label={body.label}
          width={w}
          height={h}
          onImage={(image) => void store.draw(annotation.id, image)}
        />
      )}
      <ModelAnswer state={state} waiting={body.control === 'draw' ? t('xpDrawToAsk') : t('xpAsking')} />
      <ControlFollowLine annotation={annotation} store={store} />
      {body.caption && (
        <RichHtml html={ui.session.markdown(body.caption)} class="xp-caption prose" annotation={annotation} />
      )}
    </section>
  );
}
