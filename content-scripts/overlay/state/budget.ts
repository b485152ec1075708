// The reader's tap budget (settings: refresh rate and data budget) for every live view under the app.

import { createContext } from 'preact';
import type { TapBudget } from '../../relay/content-api';

/** Used where no settings reached us (tests, a content script without PacksApi). */
export const DEFAULT_BUDGET: TapBudget = { maxInFlight: 1, bytesPerSecond: 4 * 1024 * 1024, hz: 10 };

export const BudgetContext = createContext<TapBudget>(DEFAULT_BUDGET);
