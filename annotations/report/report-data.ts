// The machine-readable half of a report: what ran (the pack itself, its digest, the models' fingerprints and weights
// digests, page, runtime, backend, browser, tool) and every result, sealed by a digest over all of it, embedded in the
// HTML as inert JSON so `literate report verify` can re-run the pack on the model and say what reproduces.
//
// What the report digest proves: that the embedded data is the data the report was generated with, unless someone
// who edited it also recomputed the digest (anyone can: it is a checksum, not a signature). What it does not prove:
// that the results are true. That is what re-running does: `literate report verify` recomputes the weights digest
// from the model files and re-runs every check in Node, so an edited result or digest fails there even when the
// report digest was recomputed.
import { canonicalJson } from '../../model/describe/fingerprint';
import { sha256Hex } from '../../model/describe/sha256';
import type { PackRunResult } from '../checks/types';
import type { Pack } from '../format/types';

export const REPORT_DATA_FORMAT = 'literate-report/1';
/** The id of the inert `<script type="application/json">` block that carries the data. */
export const REPORT_DATA_ID = 'literate-report-data';

/** How far a re-run's numbers may be from the report's, by the backend the report ran on (Node re-runs on cpu). */
export interface Tolerance {
  abs: number;
  rel: number;
}
export const TOLERANCES: Record<string, Tolerance> = {
  cpu: { abs: 1e-5, rel: 1e-4 },
  tensorflow: { abs: 1e-5, rel: 1e-4 },
  wasm: { abs: 1e-4, rel: 1e-3 },
  webgl: { abs: 1e-3, rel: 1e-2 },
  webgpu: { abs: 1e-3, rel: 1e-2 },
};
export const DEFAULT_TOLERANCE: Tolerance = { abs: 1e-2, rel: 5e-2 };

export function toleranceFor(backend: string | null | undefined): Tolerance {
  return (backend && TOLERANCES[backend]) || DEFAULT_TOLERANCE;
}

export interface ReportEnvironment {
  /** The page the pack ran on, or null (the CLI). */
  pageUrl: string | null;
  /** The browser's user agent, or the Node version for the CLI. */
  browser: string | null;
  /** e.g. "tf.js 4.22.0" (the first model's, when the page says). */
  runtime: string | null;
  /** The tf.js backend the models ran on. */
  backend: string | null;
  /** e.g. "literate 0.1.0". */
  tool: string;
}

export interface ReportData {
  format: typeof REPORT_DATA_FORMAT;
  generatedAt: string;
  environment: ReportEnvironment;
  pack: {
    id: string;
    version: string;
    title: string;
    /** Hex SHA-256 of the canonical JSON of `value`. */
    digest: string;
    /** The pack as it ran (with its signature, if it had one). */
    value: Pack;
  };
  run: PackRunResult;
  /** The tolerances a verifier uses, as stated when the report was made. */
  tolerances: Record<string, Tolerance>;
  /** Hex SHA-256 of the canonical JSON of everything above (this field left out). */
  digest: string;
}

/** SHA-256 of a pack's canonical JSON. */
export function packDigest(pack: unknown): string {
  return sha256Hex(canonicalJson(pack));
}

/** SHA-256 sealing the data (its `digest` field left out). */
export function reportDigest(data: Omit<ReportData, 'digest'> | ReportData): string {
  const rest: Record<string, unknown> = { ...data };
  delete rest.digest;
  return sha256Hex(canonicalJson(rest));
}

export function makeReportData(
  pack: Pack,
  run: PackRunResult,
  environment: ReportEnvironment,
  generatedAt: string,
): ReportData {
  // A plain JSON copy: what is sealed is exactly what a reader of the file will parse.
  const body = JSON.parse(
    JSON.stringify({
      format: REPORT_DATA_FORMAT,
      generatedAt,
      environment,
      pack: { id: pack.id, version: pack.version, title: pack.title, digest: packDigest(pack), value: pack },
      run,
      tolerances: TOLERANCES,
    }),
  ) as Omit<ReportData, 'digest'>;
  return { ...body, digest: reportDigest(body) };
}

/** The data as inert JSON for a `<script type="application/json">` block: no `<` can close it or open a comment. */
export function embedJson(data: ReportData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Finds and parses the embedded data of a report's HTML; null when there is none or it is not JSON. */
export function extractReportData(html: string): unknown {
  const open = new RegExp(`<script type="application/json" id="${REPORT_DATA_ID}">`).exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  const end = html.indexOf('</script>', start);
  if (end < 0) return null;
  try {
    return JSON.parse(html.slice(start, end)) as unknown;
  } catch {
    return null;
  }
}
