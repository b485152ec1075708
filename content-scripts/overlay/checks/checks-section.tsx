// The pack's examples and checks that are about the model (not anchored on the page): in the panel, each with its
// prose, a Run button and its result. Page-anchored ones show in their margin notes instead.

import { t, tn } from '../../../extension/ui/i18n';
import { usePackUi } from '../pack/pack-context';
import type { PlacedItem } from '../pack/resolve';
import { ExecutableItem } from './executable-item';
import { ExplorablesSection } from '../explorables/step-explorables';

const EXECUTABLE = new Set(['example', 'check']);

/** Placed examples and checks without a page anchor, in the pack's order. */
export function panelExecutables(placed: readonly PlacedItem[]): PlacedItem[] {
  return placed.filter((p) => EXECUTABLE.has(p.annotation.kind) && p.page === null);
}

function Group({ title, id, items }: { title: string; id: string; items: PlacedItem[] }) {
  if (items.length === 0) return null;
  return (
    <section class="exec-group" aria-labelledby={id}>
      <h5 id={id} class="exec-group-title">
        {title} <span class="muted">({items.length})</span>
      </h5>
      <ul class="exec-list">
        {items.map((item) => (
          <li key={item.annotation.id}>
            {item.model?.node && (
              <p class="exec-node muted">
                {t('execOn')} <span class="mono">{item.model.node.id}</span>
              </p>
            )}
            <ExecutableItem annotation={item.annotation} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ChecksSection() {
  const ui = usePackUi();
  if (!ui) return null;
  const items = panelExecutables(ui.session.resolution.placed);
  if (items.length === 0) return <ExplorablesSection />;
  const examples = items.filter((i) => i.annotation.kind === 'example');
  const checks = items.filter((i) => i.annotation.kind === 'check');
  return (
    <>
      <ExplorablesSection />
      <details class="exec-section">
        <summary>
          {t('execSummary', tn('execExamples', examples.length), tn('execChecks', checks.length))}
        </summary>
        <Group title={t('execExamplesTitle')} id="lt-exec-examples" items={examples} />
        <Group title={t('execChecksTitle')} id="lt-exec-checks" items={checks} />
      </details>
    </>
  );
}
