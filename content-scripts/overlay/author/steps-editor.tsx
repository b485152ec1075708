// The tour's steps: add, rename, write, delete, and reorder by keyboard (Alt+↑/↓ on a step, or its buttons) or by
// dragging. The open step shows its fields, its problems and a preview rendered as readers will see it.

import { t, tn } from '../../../extension/ui/i18n';
import { useMemo, useState } from 'preact/hooks';
import {
  addStep,
  localPointer,
  moveStep,
  placeStep,
  removeStep,
  updateStep,
} from '../../../annotations/author/draft';
import type { Pack, Step } from '../../../annotations/format/types';
import type { ValidationError } from '../../../annotations/format/validate';
import type { RenderOptions } from '../../../annotations/render/render-annotation';
import { mayHoldTex } from '../../../annotations/render/tex-engine';
import { useTexEngine } from '../math/use-tex';
import { useRenderer } from '../pack/use-renderer';
import { RichHtml } from '../pack/rich-html';
import { TextField } from './text-field';

export interface StepsEditorProps {
  pack: Pack;
  selected: string | null;
  placed: Map<string, ValidationError[]>;
  onSelect(id: string | null): void;
  onChange(next: Pack, key: string | null): void;
  /** Announces a change for screen readers (e.g. "Step moved to 2 of 3"). */
  announce(text: string): void;
}

export function StepsEditor({ pack, selected, placed, onSelect, onChange, announce }: StepsEditorProps) {
  const steps = pack.steps ?? [];
  const [dragging, setDragging] = useState<string | null>(null);
  const open = steps.find((s) => s.id === selected) ?? null;

  const move = (step: Step, delta: number) => {
    const next = moveStep(pack, step.id, delta);
    if (next === pack) return;
    onChange(next, null);
    const at = (next.steps ?? []).findIndex((s) => s.id === step.id);
    announce(t('stepNowAt', step.title || step.id, at + 1, steps.length));
    // Keep focus on the moved step's button after the list re-renders.
    requestAnimationFrame(() =>
      (
        document
          .querySelector('literate-overlay')
          ?.shadowRoot?.querySelector(`[data-step-button="${step.id}"]`) as HTMLElement | null
      )?.focus(),
    );
  };

  return (
    <section class="author-section" aria-labelledby="lt-author-steps">
      <h3 id="lt-author-steps" class="author-h">
        {t('stepsHeading')}
      </h3>
      {steps.length > 0 && (
        <ol class="author-steps" aria-label={t('stepsList')}>
          {steps.map((s, i) => (
            <li
              key={s.id}
              draggable
              data-step-id={s.id}
              data-dragging={dragging === s.id ? 'true' : undefined}
              onDragStart={(e) => {
                setDragging(s.id);
                e.dataTransfer?.setData('text/plain', s.id);
                if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const id = e.dataTransfer?.getData('text/plain') || dragging;
                setDragging(null);
                if (id && id !== s.id) {
                  onChange(placeStep(pack, id, i), null);
                  announce(t('stepMoved', i + 1, steps.length));
                }
              }}
            >
              <button
                type="button"
                class="author-list-button"
                data-step-button={s.id}
                aria-current={s.id === selected ? 'true' : undefined}
                onClick={() => onSelect(s.id === selected ? null : s.id)}
                onKeyDown={(e) => {
                  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  move(s, e.key === 'ArrowUp' ? -1 : 1);
                }}
              >
                <span class="num">{i + 1}.</span> {s.title || <span class="muted">{t('stepUntitled')}</span>}{' '}
                <span class="muted">{tn('stepItems', (s.highlights ?? []).length)}</span>
                {placed.has(`step:${s.id}`) && <span class="author-badge">{t('stepNeedsFixing')}</span>}
              </button>
              <button
                type="button"
                class="author-btn small"
                aria-label={t('stepMoveUp', i + 1)}
                disabled={i === 0}
                onClick={() => move(s, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="author-btn small"
                aria-label={t('stepMoveDown', i + 1)}
                disabled={i === steps.length - 1}
                onClick={() => move(s, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      )}
      <form
        class="author-row"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
          const added = addStep(pack, input.value.trim() || t('stepDefaultTitle', steps.length + 1));
          onChange(added.pack, null);
          onSelect(added.id);
          input.value = '';
        }}
      >
        <label htmlFor="lt-author-new-step">{t('stepNew')}</label>
        <input id="lt-author-new-step" name="title" placeholder={t('authorTitle')} />
        <button type="submit" class="author-btn">
          {t('stepAdd')}
        </button>
      </form>
      {open && (
        <StepFields
          step={open}
          errors={placed.get(`step:${open.id}`) ?? []}
          onChange={(s, key) =>
            onChange(
              updateStep(pack, open.id, () => s),
              key,
            )
          }
          onRemove={() => {
            onChange(removeStep(pack, open.id), null);
            onSelect(null);
          }}
        />
      )}
    </section>
  );
}

function StepFields({
  step,
  errors,
  onChange,
  onRemove,
}: {
  step: Step;
  errors: readonly ValidationError[];
  onChange(step: Step, key: string | null): void;
  onRemove(): void;
}) {
  const tex = useTexEngine(mayHoldTex(step.body ?? ''));
  const renderer = useRenderer();
  const html = useMemo(() => {
    try {
      return renderer?.renderStep(step, { window: window as RenderOptions['window'] }) ?? '';
    } catch {
      return '';
    }
  }, [step, tex, renderer]);
  return (
    <div class="author-item" data-step-editor={step.id}>
      <TextField
        id={`lt-author-${step.id}-title`}
        label={t('stepTitle')}
        value={step.title}
        onInput={(title) => onChange({ ...step, title }, `${step.id}/title`)}
        rows={1}
      />
      <TextField
        id={`lt-author-${step.id}-body`}
        label={`${t('stepText')} (Markdown, $TeX$)`}
        value={step.body ?? ''}
        onInput={(body) => {
          const { body: _b, ...rest } = step;
          onChange(body ? { ...rest, body } : rest, `${step.id}/body`);
        }}
        rows={3}
      />
      <p class="muted">{t('stepItemsJoin')}</p>
      {errors.length > 0 && (
        <ul class="author-errors" aria-label={t('itemProblemsIn', step.id)}>
          {errors.map((e, i) => (
            <li key={i}>
              <span class="mono">{localPointer(e.pointer)}</span> {e.reason}
            </li>
          ))}
        </ul>
      )}
      <div class="author-preview" role="group" aria-label={t('stepPreview')}>
        <span class="author-kicker">{t('itemPreview')}</span>
        <RichHtml html={html} class="prose" />
      </div>
      <button type="button" class="author-btn danger" onClick={onRemove}>
        {t('stepDelete')}
      </button>
    </div>
  );
}
