// Tabs for the models on the page, when there is more than one: arrow keys move between them (roving tabindex).

import { t } from '../../../extension/ui/i18n';
import type { ModelSummary } from '../../../model/model-graph';
import { formatCount } from '../../../extension/ui/format';

/**
 * The model the panel opens on when the reader chose none: the first the page still holds (or an explanation pins:
 * holding a model must not move the panel off it), else one loaded again, else the first — never a model the
 * browser reclaimed while another is still there.
 */
export function defaultModel(models: readonly ModelSummary[]): ModelSummary | null {
  return (
    models.find((m) => m.hold === undefined || m.hold === 'pinned') ??
    models.find((m) => m.hold === 'reloaded') ??
    models[0] ??
    null
  );
}

export function ModelTabs({
  models,
  selected,
  onSelect,
}: {
  models: ModelSummary[];
  selected: string;
  onSelect(id: string): void;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    const i = models.findIndex((m) => m.id === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % models.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + models.length) % models.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = models.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const id = models[next]!.id;
    onSelect(id);
    const list = (e.currentTarget as HTMLElement).parentElement;
    requestAnimationFrame(() =>
      [...(list?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])]
        .find((t) => t.id === `lt-tab-${id}`)
        ?.focus(),
    );
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('modelTabsLabel')}>
      {models.map((m) => (
        <button
          key={m.id}
          id={`lt-tab-${m.id}`}
          type="button"
          role="tab"
          class="tab"
          aria-selected={m.id === selected}
          aria-controls="lt-model-panel"
          tabIndex={m.id === selected ? 0 : -1}
          onClick={() => onSelect(m.id)}
          onKeyDown={onKeyDown}
        >
          <span dir="auto">{m.name}</span>
          <span class="muted">{formatCount(m.params)}</span>
          {m.hold === 'collected' || m.hold === 'reloaded' ? (
            <span class="muted"> · {m.hold === 'reloaded' ? t('modelLoadedAgain') : t('modelLetGo')}</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
