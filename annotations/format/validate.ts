// Pack validation: every error at once, each with a JSON pointer, a source line:column when we have the text, a
// reason and a hint. Never throws, whatever it is given (property-tested with random and truncated input).
import { parseJsonSource, positionAt, toPointer, type ParsedSource } from './json-source';
import { LIMITS, utf8Length } from './limits';
import { PackSpec } from './pack-spec';
import type { Issue } from './schema-dsl';
import { checkSemantics } from './semantic';
import type { Pack } from './types';

export interface ValidationError {
  /** JSON pointer of the offending value ('' for the whole pack). */
  pointer: string;
  /** 1-based position in the source text, when validating text. */
  line?: number;
  column?: number;
  reason: string;
  hint?: string;
}

export type ValidationResult =
  { ok: true; pack: Pack; errors: [] } | { ok: false; errors: ValidationError[] };

/** True when arrays/objects nest deeper than `limit` (or cycle); shared sub-objects are measured once. */
function depthExceeds(value: unknown, limit: number): boolean {
  const heights = new Map<object, number>();
  const active = new Set<object>();
  const height = (current: unknown, budget: number): number => {
    if (typeof current !== 'object' || current === null) return 0;
    if (active.has(current) || budget <= 0) return Infinity;
    const known = heights.get(current);
    if (known !== undefined) return known;
    active.add(current);
    let result = 1;
    for (const child of Object.values(current)) {
      result = Math.max(result, 1 + height(child, budget - 1));
      if (result === Infinity) break;
    }
    active.delete(current);
    heights.set(current, result);
    return result;
  };
  return height(value, limit) > limit;
}

function runChecks(value: unknown): Issue[] {
  const issues: Issue[] = [];
  PackSpec.check(value, [], issues);
  issues.push(...checkSemantics(value));
  return issues;
}

function finish(value: unknown, errors: ValidationError[]): ValidationResult {
  if (errors.length === 0) return { ok: true, pack: value as Pack, errors: [] };
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.pointer}\u0000${e.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors: unique };
}

/** Validates an already-parsed value (from JSON.parse, or built in memory). */
export function validatePack(value: unknown): ValidationResult {
  try {
    if (depthExceeds(value, LIMITS.depth))
      return finish(value, [
        { pointer: '', reason: `nested deeper than ${LIMITS.depth} levels (or cyclic)` },
      ]);
    const errors = runChecks(value).map(({ path, reason, hint }) => ({
      pointer: toPointer(path),
      reason,
      ...(hint ? { hint } : {}),
    }));
    return finish(value, errors);
  } catch (error) {
    return finish(value, [{ pointer: '', reason: `could not validate: ${(error as Error).message}` }]);
  }
}

/** Validates JSON text, mapping each error to its line and column. */
export function validatePackText(text: string): ValidationResult {
  try {
    const bytes = utf8Length(text);
    if (bytes > LIMITS.packBytes)
      return finish(undefined, [
        {
          pointer: '',
          line: 1,
          column: 1,
          reason: `pack is ${bytes} bytes; the limit is ${LIMITS.packBytes}`,
          hint: 'split it into several packs',
        },
      ]);
    const source: ParsedSource = parseJsonSource(text);
    if (source.syntaxError) {
      const { offset, reason, hint } = source.syntaxError;
      return finish(undefined, [
        {
          pointer: '',
          ...positionAt(text, offset),
          reason: `invalid JSON: ${reason}`,
          ...(hint ? { hint } : {}),
        },
      ]);
    }
    const errors: ValidationError[] = source.duplicateKeys.map(({ pointer }) => ({
      pointer,
      ...source.locate(pointer, 'key'),
      reason: 'property given twice',
      hint: 'remove one of them',
    }));
    for (const issue of runChecks(source.value)) {
      const pointer = toPointer(issue.path);
      errors.push({
        pointer,
        ...source.locate(pointer, issue.at),
        reason: issue.reason,
        ...(issue.hint ? { hint: issue.hint } : {}),
      });
    }
    return finish(source.value, errors);
  } catch (error) {
    return finish(undefined, [
      { pointer: '', line: 1, column: 1, reason: `could not validate: ${(error as Error).message}` },
    ]);
  }
}

/** `FILE:LINE:COL  /json/pointer  reason  (hint)`, the line the CLI prints for each error. */
export function formatValidationError(file: string, error: ValidationError): string {
  const where = error.line !== undefined ? `${file}:${error.line}:${error.column ?? 1}` : file;
  return `${where}  ${error.pointer || '/'}  ${error.reason}${error.hint ? `  (${error.hint})` : ''}`;
}
