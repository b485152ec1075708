// Verifying a report (pure): is its embedded data intact, and which of its results does a re-run on the model
// reproduce, within the tolerance of the backend the report ran on? The CLI does the loading and the re-running.
import type { CheckOutcome, ExampleResult, PackRunResult } from '../checks/types';
import { validatePack } from '../format/validate';
import type { Pack } from '../format/types';
import {
  packDigest,
  REPORT_DATA_FORMAT,
  reportDigest,
  toleranceFor,
  type ReportData,
  type Tolerance,
} from './report-data';
import { isRec } from '../../base/is-record';

export type Verdict = 'reproduced' | 'differs' | 'not-checkable';

export interface ItemVerdict {
  id: string;
  kind: 'example' | 'check';
  verdict: Verdict;
  /** The report's status and the re-run's. */
  reported: string;
  rerun: string | null;
  reason: string;
}

export interface IntegrityResult {
  ok: boolean;
  data: ReportData | null;
  pack: Pack | null;
  /** One line per finding, for people. */
  problems: string[];
}

/** Checks the data's shape, its report digest and its pack digest; the pack must still validate. */
export function checkIntegrity(raw: unknown): IntegrityResult {
  const problems: string[] = [];
  if (!isRec(raw) || raw.format !== REPORT_DATA_FORMAT)
    return { ok: false, data: null, pack: null, problems: ['no Literate report data in this file'] };
  const data = raw as unknown as ReportData;
  if (!isRec(data.pack) || !isRec(data.run) || typeof data.digest !== 'string')
    return { ok: false, data: null, pack: null, problems: ['the report data is incomplete'] };
  const sealed = reportDigest(data);
  if (sealed !== data.digest)
    problems.push(
      `report digest does not match: the data was changed after the report was made (stated ${data.digest.slice(0, 16)}…, computed ${sealed.slice(0, 16)}…)`,
    );
  const packSealed = packDigest(data.pack.value);
  if (packSealed !== data.pack.digest)
    problems.push(
      `pack digest does not match the embedded pack (stated ${String(data.pack.digest).slice(0, 16)}…)`,
    );
  const validation = validatePack(data.pack.value);
  if (!validation.ok) problems.push('the embedded pack does not validate');
  return { ok: problems.length === 0, data, pack: validation.ok ? validation.pack : null, problems };
}

/** Are two JSON values equal, numbers within the tolerance? */
export function closeEnough(a: unknown, b: unknown, tol: Tolerance): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return Math.abs(a - b) <= tol.abs + tol.rel * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => closeEnough(x, b[i], tol));
  if (isRec(a) && isRec(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      // Timings and free text are not results.
      if (k === 'ms' || k === 'message') continue;
      if (!closeEnough(a[k], b[k], tol)) return false;
    }
    return true;
  }
  return a === b || (a == null && b == null);
}

function judge(
  id: string,
  kind: 'example' | 'check',
  reported: ExampleResult | CheckOutcome,
  rerun: ExampleResult | CheckOutcome | undefined,
  tol: Tolerance,
): ItemVerdict {
  const base = { id, kind, reported: reported.status, rerun: rerun?.status ?? null };
  if (!rerun) return { ...base, verdict: 'differs', reason: 'the pack has no such item' };
  if (rerun.status === 'could-not-run')
    return {
      ...base,
      verdict: reported.status === 'could-not-run' ? 'reproduced' : 'not-checkable',
      reason: `cannot re-run here: ${rerun.message}`,
    };
  if (reported.status !== rerun.status)
    return { ...base, verdict: 'differs', reason: `reported ${reported.status}, re-run ${rerun.status}` };
  if (!closeEnough(reported.expected, rerun.expected, { abs: 0, rel: 0 }))
    return { ...base, verdict: 'differs', reason: 'the expectation is not the pack’s' };
  if (!closeEnough(reported.observed, rerun.observed, tol))
    return {
      ...base,
      verdict: 'differs',
      reason: `observed values differ beyond the tolerance (abs ${tol.abs}, rel ${tol.rel})`,
    };
  return {
    ...base,
    verdict: 'reproduced',
    reason: `same status; observed within abs ${tol.abs}, rel ${tol.rel}`,
  };
}

/** Compares the report's results with a re-run's, item by item. */
export function compareRuns(reported: PackRunResult, rerun: PackRunResult): ItemVerdict[] {
  const backendOf = (alias: string | null): string | undefined =>
    reported.models.find((m) => m.alias === alias)?.backend ?? reported.models[0]?.backend;
  const out: ItemVerdict[] = [];
  const examples = new Map(rerun.examples.map((r) => [r.id, r]));
  const checks = new Map(rerun.checks.map((r) => [r.id, r]));
  for (const r of reported.examples)
    out.push(judge(r.id, 'example', r, examples.get(r.id), toleranceFor(backendOf(r.model))));
  for (const c of reported.checks)
    out.push(judge(c.id, 'check', c, checks.get(c.id), toleranceFor(backendOf(c.model))));
  // A result the re-run has and the report left out is a finding too.
  for (const r of rerun.examples)
    if (!reported.examples.some((x) => x.id === r.id))
      out.push({
        id: r.id,
        kind: 'example',
        verdict: 'differs',
        reported: 'missing',
        rerun: r.status,
        reason: 'left out of the report',
      });
  for (const c of rerun.checks)
    if (!reported.checks.some((x) => x.id === c.id))
      out.push({
        id: c.id,
        kind: 'check',
        verdict: 'differs',
        reported: 'missing',
        rerun: c.status,
        reason: 'left out of the report',
      });
  return out;
}
