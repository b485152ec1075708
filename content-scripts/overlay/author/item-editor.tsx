// The editor of one item: its kind, its tour step, its anchor (with the next checked selector on offer, and
// re-anchoring by pointing when it no longer resolves), the fields of its kind, errors from the real validator
// inline, and a live preview drawn by the pack renderer, exactly as readers will see it.

import { t, type MessageKey } from '../../../extension/ui/i18n';
import { useMemo } from 'preact/hooks';
import type { ModelNode } from '../../../model/model-graph';
import { emptyAnnotation, localPointer, VIEW_TYPES } from '../../../annotations/author/draft';
import type {
  Annotation,
  AnnotationKind,
  CheckBody,
  Pack,
  ViewType,
} from '../../../annotations/format/types';
import type { ValidationError } from '../../../annotations/format/validate';
import { describeModelSelector } from '../../../annotations/render/describe-selector';
import { mayHoldTex } from '../../../annotations/render/tex-engine';
import { useTexEngine } from '../math/use-tex';
import { useRenderer, type Renderer } from '../pack/use-renderer';
import type { RenderOptions } from '../../../annotations/render/render-annotation';
import { RichHtml } from '../pack/rich-html';
import { anchorLabel, type AnchorCheck } from './anchor-status';
import { EquationFields } from './equation-fields';
import { TextField } from './text-field';

const KINDS: AnnotationKind[] = ['note', 'equation', 'view', 'example', 'check'];
const KIND_NAMES: Record<AnnotationKind, MessageKey> = {
  note: 'kindNote',
  equation: 'kindEquation',
  view: 'kindView',
  example: 'kindExample',
  check: 'kindCheck',
  control: 'kindControl',
  predict: 'kindPredict',
};

export interface NodeChoice {
  alias: string;
  node: ModelNode;
}

export interface ItemEditorProps {
  pack: Pack;
  item: Annotation;
  errors: readonly ValidationError[];
  anchor: AnchorCheck;
  /** Nodes of the page's models, for equation symbol bindings. */
  nodes: readonly NodeChoice[];
  /** The node the item's model target names, if found. */
  node: ModelNode | null;
  onChange(next: Annotation, key: string | null): void;
  onRemove(): void;
  onRepick(): void;
  /** Another checked selector for the same place, when there is one. */
  onNextSelector: (() => void) | null;
  /** An equation symbol to bind by choosing its node in the outline. */
  onBindFromOutline?(symbol: string, role: 'output' | 'kernel' | 'bias'): void;
}

function preview(renderer: Renderer | null, item: Annotation): { html: string; problem: string | null } {
  if (!renderer) return { html: '', problem: null };
  try {
    const rendered = renderer.renderAnnotation(item, { window: window as RenderOptions['window'] });
    return { html: rendered.html, problem: rendered.errors[0] ?? null };
  } catch (error) {
    return { html: '', problem: t('itemCannotPreview', (error as Error).message) };
  }
}

export function ItemEditor(props: ItemEditorProps) {
  const { item, errors, anchor, node } = props;
  const id = item.id;
  // Typeset as the annotator writes: KaTeX's chunk is asked for when the item holds math, then the preview redraws.
  const tex = useTexEngine(mayHoldTex(JSON.stringify(item)));
  const renderer = useRenderer();
  const shown = useMemo(() => preview(renderer, item), [item, tex, renderer]);
  const set = (next: Annotation, key: string | null = null) => props.onChange(next, key);
  const setBody = (patch: Record<string, unknown>, key: string | null) =>
    set({ ...item, body: { ...item.body, ...patch } } as Annotation, key);
  const field = (name: string) => `lt-author-${id}-${name}`;

  const changeKind = (kind: AnnotationKind) => {
    const fresh = emptyAnnotation(kind, id, item.target, node?.outputShape ?? undefined);
    const carried = { ...fresh, ...(item.step ? { step: item.step } : {}) } as Annotation;
    if (carried.kind === 'check' && node) carried.body = checkBody('shape', node, '');
    set(carried);
  };

  return (
    <section class="author-item" aria-labelledby={field('h')} data-item-id={id}>
      <h4 id={field('h')} class="author-h">
        {t(KIND_NAMES[item.kind])} <span class="mono muted">{id}</span>
      </h4>
      <div class="author-row">
        <label htmlFor={field('kind')}>{t('itemKind')}</label>
        <select
          id={field('kind')}
          value={item.kind}
          onChange={(e) => changeKind((e.currentTarget as HTMLSelectElement).value as AnnotationKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_NAMES[k])}
            </option>
          ))}
        </select>
        <label htmlFor={field('step')}>{t('itemTourStep')}</label>
        <select
          id={field('step')}
          value={item.step ?? ''}
          onChange={(e) => {
            const step = (e.currentTarget as HTMLSelectElement).value;
            const { step: _old, ...rest } = item;
            set((step ? { ...rest, step } : rest) as Annotation);
          }}
        >
          <option value="">{t('itemNotInTour')}</option>
          {(props.pack.steps ?? []).map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.title || s.id}
            </option>
          ))}
        </select>
      </div>

      <p class="author-anchor" data-state={anchor.state}>
        <span>{anchorLabel(item, anchor)}</span>
        {item.target?.model && <span class="mono"> {describeModelSelector(item.target.model)}</span>}
      </p>
      <div class="author-actions">
        <button type="button" class="author-btn" onClick={props.onRepick}>
          {anchor.state === 'orphan' ? t('itemReanchor') : t('itemAnchor')}
        </button>
        {props.onNextSelector && (
          <button type="button" class="author-btn" onClick={props.onNextSelector}>
            {t('itemAnotherSelector')}
          </button>
        )}
        <button type="button" class="author-btn danger" onClick={props.onRemove}>
          {t('itemDelete')}
        </button>
      </div>

      {item.kind === 'note' && (
        <TextField
          id={field('text')}
          label={`${t('kindNote')} (Markdown, $TeX$)`}
          value={item.body.value}
          onInput={(value) => setBody({ value }, `${id}/value`)}
          rows={5}
        />
      )}
      {item.kind === 'equation' && (
        <EquationFields
          item={item}
          nodes={props.nodes}
          field={field}
          onChange={set}
          onBindFromOutline={props.onBindFromOutline}
        />
      )}
      {item.kind === 'view' && (
        <div class="author-row">
          <label htmlFor={field('view')}>{t('itemView')}</label>
          <select
            id={field('view')}
            value={item.body.view}
            onChange={(e) =>
              setBody({ view: (e.currentTarget as HTMLSelectElement).value as ViewType }, null)
            }
          >
            {VIEW_TYPES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      )}
      {item.kind === 'example' && (
        <>
          <TextField
            id={field('input')}
            label={t('itemInputElement')}
            value={'element' in item.body.input ? item.body.input.element : ''}
            onInput={(element) => setBody({ input: { element } }, `${id}/input`)}
            rows={1}
          />
          <TextField
            id={field('top1')}
            label={t('itemExpectedTop1')}
            value={String(item.body.expected?.top1 ?? '')}
            onInput={(top1) => {
              const { expected: _e, ...body } = item.body;
              set({ ...item, body: top1 ? { ...body, expected: { top1 } } : body }, `${id}/top1`);
            }}
            rows={1}
          />
        </>
      )}
      {item.kind === 'check' && <CheckFields item={item} node={node} field={field} onChange={set} />}
      {item.kind !== 'note' && item.kind !== 'check' && item.kind !== 'predict' && (
        <TextField
          id={field('caption')}
          label={t('itemCaption')}
          value={item.body.caption ?? ''}
          onInput={(caption) => setBody({ caption: caption || undefined }, `${id}/caption`)}
          rows={2}
        />
      )}

      {errors.length > 0 && (
        <ul class="author-errors" aria-label={t('itemProblemsIn', id)}>
          {errors.map((e, i) => (
            <li key={i}>
              <span class="mono">{localPointer(e.pointer)}</span> {e.reason}
              {e.hint ? ` (${e.hint})` : ''}
            </li>
          ))}
        </ul>
      )}
      <div class="author-preview" aria-label={t('itemPreview')} role="group">
        <span class="author-kicker">{t('itemPreview')}</span>
        {shown.problem && <p class="author-warn">{shown.problem}</p>}
        <RichHtml html={shown.html} class="prose" />
      </div>
    </section>
  );
}

function checkBody(check: 'shape' | 'params' | 'op', node: ModelNode | null, claim: string): CheckBody {
  if (check === 'shape') return { type: 'Check', check, expected: node?.outputShape ?? [], claim };
  if (check === 'params') return { type: 'Check', check, expected: node?.params ?? 0, claim };
  return { type: 'Check', check, expected: node?.op ?? '', claim };
}

function CheckFields({
  item,
  node,
  field,
  onChange,
}: {
  item: Extract<Annotation, { kind: 'check' }>;
  node: ModelNode | null;
  field: (n: string) => string;
  onChange(next: Annotation, key: string | null): void;
}) {
  const body = item.body;
  const structural = body.check === 'shape' || body.check === 'params' || body.check === 'op';
  return (
    <>
      <div class="author-row">
        <label htmlFor={field('check')}>{t('itemCheck')}</label>
        <select
          id={field('check')}
          value={structural ? body.check : 'shape'}
          onChange={(e) =>
            onChange(
              {
                ...item,
                body: checkBody(
                  (e.currentTarget as HTMLSelectElement).value as 'shape',
                  node,
                  body.claim ?? '',
                ),
              },
              null,
            )
          }
        >
          <option value="shape">{t('itemCheckShape')}</option>
          <option value="params">{t('itemCheckParams')}</option>
          <option value="op">{t('itemCheckOp')}</option>
        </select>
      </div>
      <p class="muted">
        {t('itemExpected')}{' '}
        <span class="mono">{JSON.stringify('expected' in body ? body.expected : null)}</span>
      </p>
      <TextField
        id={field('claim')}
        label={t('itemClaim')}
        value={body.claim ?? ''}
        onInput={(claim) => onChange({ ...item, body: { ...body, claim } }, `${item.id}/claim`)}
        rows={2}
      />
    </>
  );
}
