// What the overlay knows of a pack's examples and checks after some runs (pure): results kept by id and merged as
// the reader runs one item or all of them, the combined run for the report, and the summary line in words.

import { t, tn, type MessageKey } from '../../../extension/ui/i18n';
import type {
  CheckOutcome,
  ExampleResult,
  PackRunResult,
  RunSummary,
  Status,
} from '../../../annotations/checks/types';

export type ItemResult = ExampleResult | CheckOutcome;

/** Results by example/check id, and the run they came from (merged). */
export interface Results {
  byId: ReadonlyMap<string, ItemResult>;
  /** Every run so far merged into one (null before the first). */
  merged: PackRunResult | null;
}

export const NO_RESULTS: Results = { byId: new Map(), merged: null };

export function summarize(examples: readonly ExampleResult[], checks: readonly CheckOutcome[]): RunSummary {
  const summary: RunSummary = { pass: 0, fail: 0, couldNotRun: 0, ran: 0 };
  for (const r of [...examples, ...checks]) {
    if (r.status === 'pass') summary.pass++;
    else if (r.status === 'fail') summary.fail++;
    else if (r.status === 'could-not-run') summary.couldNotRun++;
    else summary.ran++;
  }
  return summary;
}

/** Later results replace earlier ones with the same id; the order is the pack's (`order`: item ids). */
export function mergeRun(before: Results, run: PackRunResult, order: readonly string[]): Results {
  const byId = new Map(before.byId);
  for (const r of [...run.examples, ...run.checks]) byId.set(r.id, r);
  const rank = new Map(order.map((id, i) => [id, i]));
  const sorted = <T extends { id: string }>(xs: T[]) =>
    xs.sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  const all = [...byId.values()];
  const examples = sorted(all.filter((r): r is ExampleResult => !('check' in r)));
  const checks = sorted(all.filter((r): r is CheckOutcome => 'check' in r));
  const merged: PackRunResult = {
    ...run,
    startedAt:
      before.merged && before.merged.startedAt < run.startedAt ? before.merged.startedAt : run.startedAt,
    examples,
    checks,
    summary: summarize(examples, checks),
  };
  return { byId, merged };
}

/** Counts over the pack's claims (its checks, and examples that state an expected output). */
export interface ClaimCounts {
  total: number;
  pass: number;
  fail: number;
  couldNotRun: number;
  /** Examples that ran and state no expectation. */
  ran: number;
  notRun: number;
}

export function claimCounts(claimIds: readonly string[], byId: ReadonlyMap<string, ItemResult>): ClaimCounts {
  const counts: ClaimCounts = { total: claimIds.length, pass: 0, fail: 0, couldNotRun: 0, ran: 0, notRun: 0 };
  for (const id of claimIds) {
    const status: Status | 'ran' | undefined = byId.get(id)?.status;
    if (status === 'pass') counts.pass++;
    else if (status === 'fail') counts.fail++;
    else if (status === 'could-not-run') counts.couldNotRun++;
    else if (status === 'ran') counts.ran++;
    else counts.notRun++;
  }
  return counts;
}

/** "7 of 8 claims hold · 1 fails", with what could not run and what has not run yet. */
export function summaryLine(c: ClaimCounts): string {
  if (c.total === 0) return t('checksNoClaims');
  if (c.notRun === c.total) return tn('checksNotChecked', c.total);
  const parts = [t(c.total === 1 ? 'checksHoldOne' : 'checksHold', c.pass, c.total)];
  if (c.fail > 0) parts.push(tn('checksFail', c.fail));
  if (c.couldNotRun > 0) parts.push(tn('checksCouldNotRun', c.couldNotRun));
  if (c.notRun > 0) parts.push(tn('checksNotRunYet', c.notRun));
  return parts.join(' · ');
}

/** "6 of 6 examples run", and how many of those that ran did not give what they expect or could not run. */
export function examplesLine(exampleIds: readonly string[], byId: ReadonlyMap<string, ItemResult>): string {
  const c = claimCounts(exampleIds, byId);
  const n = exampleIds.length;
  const ran = n - c.notRun;
  const trouble = [
    ...(c.fail > 0 ? [tn('checksFail', c.fail)] : []),
    ...(c.couldNotRun > 0 ? [tn('checksCouldNotRun', c.couldNotRun)] : []),
  ];
  const line = t(n === 1 ? 'checksExamplesRunOne' : 'checksExamplesRun', ran, n);
  return trouble.length > 0 ? `${line} (${trouble.join(', ')})` : line;
}

export const STATUS_TEXT: Record<Status | 'ran' | 'running' | 'pending', MessageKey> = {
  pass: 'statusPass',
  fail: 'statusFail',
  'could-not-run': 'statusCouldNotRun',
  ran: 'statusRan',
  running: 'statusRunning',
  pending: 'statusPending',
};
