// The equation's own fields in the item editor: its TeX, and its symbols bound to nodes' tensors (output, kernel,
// bias) — chosen from a list of the page's nodes, or by choosing the node in the outline.

import { t } from '../../../extension/ui/i18n';
import { useState } from 'preact/hooks';
import type { Annotation, EquationAnnotation } from '../../../annotations/format/types';
import { describeModelSelector } from '../../../annotations/render/describe-selector';
import type { ItemEditorProps, NodeChoice } from './item-editor';
import { TextField } from './text-field';

export function EquationFields({
  item,
  nodes,
  field,
  onChange,
  onBindFromOutline,
}: {
  item: EquationAnnotation;
  nodes: readonly NodeChoice[];
  field: (n: string) => string;
  onChange(next: Annotation, key: string | null): void;
  onBindFromOutline?: ItemEditorProps['onBindFromOutline'];
}) {
  const [symbolNeeded, setSymbolNeeded] = useState(false);
  const fromOutline = (form: HTMLFormElement | null) => {
    if (!form || !onBindFromOutline) return;
    const data = new FormData(form);
    const symbol = String(data.get('symbol') ?? '').trim();
    setSymbolNeeded(!symbol);
    if (!symbol) return form.querySelector<HTMLInputElement>('input[name="symbol"]')?.focus();
    const role = String(data.get('role') ?? 'output') as 'output' | 'kernel' | 'bias';
    onBindFromOutline(symbol, role);
    form.reset();
  };
  const bindings = item.body.bindings ?? {};
  const bind = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const symbol = String(data.get('symbol') ?? '').trim();
    const choice = nodes[Number(data.get('node'))];
    if (!symbol || !choice) return;
    const role = String(data.get('role') ?? 'output');
    onChange(
      {
        ...item,
        body: {
          ...item.body,
          bindings: {
            ...bindings,
            [symbol]: {
              model: choice.alias,
              node: choice.node.id,
              ...(role !== 'output' ? { role: role as 'kernel' } : {}),
            },
          },
        },
      },
      null,
    );
    form.reset();
  };
  return (
    <>
      <TextField
        id={field('tex')}
        label="TeX"
        value={item.body.tex}
        onInput={(tex) => onChange({ ...item, body: { ...item.body, tex } }, `${item.id}/tex`)}
        rows={3}
      />
      {Object.keys(bindings).length > 0 && (
        <ul class="author-bindings" aria-label={t('eqBound')}>
          {Object.entries(bindings).map(([symbol, b]) => (
            <li key={symbol}>
              <span class="mono">{symbol}</span> → {describeModelSelector(b)}{' '}
              <button
                type="button"
                class="author-btn small"
                onClick={() => {
                  const { [symbol]: _gone, ...rest } = bindings;
                  onChange({ ...item, body: { ...item.body, bindings: rest } }, null);
                }}
              >
                {t('eqUnbind', symbol)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="author-row"
        aria-label={t('eqBindForm')}
        onSubmit={(e) => {
          e.preventDefault();
          bind(e.currentTarget as HTMLFormElement);
        }}
      >
        <label htmlFor={field('sym')}>{t('eqSymbol')}</label>
        <input
          id={field('sym')}
          name="symbol"
          class="mono"
          size={4}
          aria-invalid={symbolNeeded ? 'true' : undefined}
          aria-describedby={symbolNeeded ? field('sym-needed') : undefined}
        />
        <label htmlFor={field('node')}>{t('eqNode')}</label>
        <select id={field('node')} name="node">
          {nodes.map((n, i) => (
            <option key={`${n.alias}/${n.node.id}`} value={i}>
              {n.node.id} ({n.node.op})
            </option>
          ))}
        </select>
        <label htmlFor={field('role')}>{t('eqTensor')}</label>
        <select id={field('role')} name="role">
          <option value="output">output</option>
          <option value="kernel">kernel</option>
          <option value="bias">bias</option>
        </select>
        <button type="submit" class="author-btn">
          {t('eqBind')}
        </button>
        {onBindFromOutline && (
          <button
            type="button"
            class="author-btn"
            onClick={(e) => fromOutline((e.currentTarget as HTMLButtonElement).form)}
          >
            {t('eqChooseInOutline')}
          </button>
        )}
        {symbolNeeded && (
          <p id={field('sym-needed')} class="author-error">
            {t('eqSymbolFirst')}
          </p>
        )}
      </form>
    </>
  );
}
