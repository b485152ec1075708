// Provides the checks (and the reader's tap budget, which the app provides at the same place) to the panel and
// the page notes, so that the app wraps its tree once.

import type { ComponentChildren } from 'preact';
import type { TapBudget } from '../../relay/content-api';
import { BudgetContext } from '../state/budget';
import { ChecksContext, type ChecksUi } from './use-checks';

export function ChecksAndBudget({
  checks,
  budget,
  children,
}: {
  checks: ChecksUi | null;
  budget: TapBudget;
  children: ComponentChildren;
}) {
  return (
    <ChecksContext.Provider value={checks}>
      <BudgetContext.Provider value={budget}>{children}</BudgetContext.Provider>
    </ChecksContext.Provider>
  );
}
