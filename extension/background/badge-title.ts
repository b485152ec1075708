// The toolbar button's tooltip for a tab, in the reader's language: how many models Literate found, on which backend
// or runtime, and whether the page should be reloaded.

import { countModels, runtimeLabels, type TabState } from '../../protocol/runtime';
import { t, tn } from '../ui/i18n';

export function localBadgeTitle(state: TabState): string {
  const n = countModels(state);
  const engines = state.frames.flatMap((f) => f.engines);
  const found = tn('badgeFound', n);
  if (engines.length === 0 && runtimeLabels(state).length > 0)
    return t('badgeDetail', found, runtimeLabels(state).join('; '));
  if (engines.length === 0) return t('badgeNoTfjs');
  const backend = engines.find((e) => e.backend)?.backend;
  const title = backend ? t('badgeDetail', found, backend) : found;
  return engines.some((e) => e.late) ? t('badgeLate', title) : title;
}
