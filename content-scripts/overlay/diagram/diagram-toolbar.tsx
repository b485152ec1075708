// The diagram's toolbar: find (Enter goes to the next match, opening its groups), zoom, fit, open or close every
// group.

import { t, tn } from '../../../extension/ui/i18n';
import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Grouping } from './grouping';
import { humanName } from './names';

export interface ToolbarProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  found: readonly string[];
  grouping: Grouping;
  onQuery(query: string): void;
  onGo(nodeId: string): void;
  onZoom(factor: number): void;
  onFit(): void;
  onAll(open: boolean): void;
  canOpenAll: boolean;
}

export function DiagramToolbar(props: ToolbarProps) {
  const [at, setAt] = useState(-1);
  const { found } = props;
  const current = at >= 0 && at < found.length ? found[at]! : null;
  return (
    <div class="dg-toolbar">
      <label class="dg-find">
        <span class="sr-only">{t('dgFind')}</span>
        <input
          ref={props.inputRef}
          type="search"
          placeholder={t('dgFindPlaceholder')}
          value={props.query}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => {
            props.onQuery((e.currentTarget as HTMLInputElement).value);
            setAt(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && found.length > 0) {
              e.preventDefault();
              const next = (at + (e.shiftKey ? found.length - 1 : 1)) % found.length;
              setAt(next);
              props.onGo(found[next]!);
            } else if (e.key === 'Escape' && props.query) {
              e.preventDefault();
              props.onQuery('');
              setAt(-1);
            }
          }}
        />
      </label>
      <span class="dg-found muted" role="status">
        {props.query
          ? current
            ? t('dgFoundAt', at + 1, found.length, humanName(current))
            : tn('dgFound', found.length)
          : ''}
      </span>
      <span class="dg-buttons">
        <button
          type="button"
          class="dg-tool"
          aria-label={t('dgZoomIn')}
          title={t('dgZoomInTitle')}
          onClick={() => props.onZoom(1.25)}
        >
          +
        </button>
        <button
          type="button"
          class="dg-tool"
          aria-label={t('dgZoomOut')}
          title={t('dgZoomOutTitle')}
          onClick={() => props.onZoom(0.8)}
        >
          −
        </button>
        <button type="button" class="dg-tool" title={t('dgFitTitle')} onClick={props.onFit}>
          {t('dgFit')}
        </button>
        {props.grouping.groups.size > 0 ? (
          <>
            {props.canOpenAll ? (
              <button type="button" class="dg-tool" onClick={() => props.onAll(true)}>
                {t('dgOpenAll')}
              </button>
            ) : null}
            <button type="button" class="dg-tool" onClick={() => props.onAll(false)}>
              {t('dgCloseAll')}
            </button>
          </>
        ) : null}
      </span>
    </div>
  );
}
