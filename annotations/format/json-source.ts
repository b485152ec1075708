// A small JSON parser that remembers where every value and key starts, so validation errors can say
// FILE:LINE:COL; it reports syntax errors with hints (trailing commas, comments, quotes) instead of throwing.
import { LIMITS } from './limits';

export interface SourcePosition {
  line: number;
  column: number;
}

export interface SyntaxIssue {
  offset: number;
  reason: string;
  hint?: string;
}

export interface ParsedSource {
  /** The parsed value; undefined when the text has a syntax error. */
  value: unknown;
  syntaxError?: SyntaxIssue;
  /** Keys given twice in one object, as JSON pointers (the later value wins, as in JSON.parse). */
  duplicateKeys: { pointer: string; offset: number }[];
  /** Position of the value at a JSON pointer, or of its nearest located ancestor; `key` for the key itself. */
  locate(pointer: string, at?: 'key' | 'value'): SourcePosition;
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

class Stop extends Error {}

export function parseJsonSource(text: string, maxDepth: number = LIMITS.depth): ParsedSource {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const duplicateKeys: { pointer: string; offset: number }[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let syntaxError: SyntaxIssue | undefined;

  const fail = (reason: string, hint?: string, offset = pos): never => {
    syntaxError = { offset, reason, hint };
    throw new Stop();
  };
  const describe = (offset: number): string =>
    offset >= text.length ? 'end of text' : `'${text.slice(offset, offset + 1)}'`;

  const skipSpace = (): void => {
    for (;;) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else if (c === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*'))
        fail('comments are not allowed in JSON', 'remove the comment');
      else return;
    }
  };

  const parseString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string', 'close the string with "', start);
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return out;
      }
      if (c < 0x20) fail('control character in string', 'write line breaks as \\n and tabs as \\t');
      if (c === 0x5c) {
        const e = text[pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail(`invalid escape '\\${e ?? ''}' in string`, 'escape a backslash as \\\\');
      } else {
        out += text[pos];
        pos++;
      }
    }
  };

  const parseNumber = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) fail(`unexpected ${describe(pos)}`, 'expected a value');
    const literal = (match as RegExpExecArray)[0];
    if (/^-?0\d/.test(text.slice(pos, pos + 3))) fail('numbers must not have leading zeros');
    pos += literal.length;
    const value = Number(literal);
    if (!Number.isFinite(value)) fail('number out of range', undefined, pos - literal.length);
    return value;
  };

  const parseValue = (path: string, depth: number): unknown => {
    skipSpace();
    values.set(path, pos);
    const c = text[pos];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, 'flatten the structure');
      return c === '{' ? parseObject(path, depth + 1) : parseArray(path, depth + 1);
    }
    if (c === '"') return parseString();
    if (c === "'") fail('strings must use double quotes', 'replace \' with "');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    if (pos >= text.length) fail('unexpected end of text', 'the text seems cut off: check closing brackets');
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word === 'NaN' || word === 'Infinity' || word === 'undefined')
      fail(`'${word}' is not valid JSON`, 'use null or a number');
    if (word) fail(`unexpected word '${word}'`, 'strings must be in double quotes');
    return fail(`unexpected ${describe(pos)}`, 'expected a value');
  };

  const parseObject = (path: string, depth: number): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return result;
    }
    for (;;) {
      skipSpace();
      const keyOffset = pos;
      if (text[pos] !== '"') {
        if (text[pos] === '}') fail('trailing comma before }', 'remove the last comma');
        if (pos >= text.length)
          fail('unexpected end of text', 'the text seems cut off: check closing brackets');
        if (text[pos] === "'") fail('property names must use double quotes', 'replace \' with "');
        fail(`expected a property name, found ${describe(pos)}`, 'property names must be in double quotes');
      }
      const key = parseString();
      const childPath = `${path}/${escapePointerSegment(key)}`;
      if (Object.hasOwn(result, key)) duplicateKeys.push({ pointer: childPath, offset: keyOffset });
      keys.set(childPath, keyOffset);
      skipSpace();
      if (text[pos] !== ':') fail(`expected ':' after property name, found ${describe(pos)}`);
      pos++;
      const value = parseValue(childPath, depth);
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return result;
      }
      if (pos >= text.length)
        fail('unexpected end of text', 'the text seems cut off: check closing brackets');
      fail(`expected ',' or '}', found ${describe(pos)}`, text[pos] === '"' ? 'add a comma' : undefined);
    }
  };

  const parseArray = (path: string, depth: number): unknown[] => {
    const result: unknown[] = [];
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']') fail('trailing comma before ]', 'remove the last comma');
      result.push(parseValue(`${path}/${result.length}`, depth));
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return result;
      }
      if (pos >= text.length)
        fail('unexpected end of text', 'the text seems cut off: check closing brackets');
      fail(`expected ',' or ']', found ${describe(pos)}`);
    }
  };

  let value: unknown;
  try {
    value = parseValue('', 0);
    skipSpace();
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the JSON value`, 'remove it');
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    value = undefined;
  }

  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const positionOf = (offset: number): SourcePosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };

  return {
    value: syntaxError ? undefined : value,
    syntaxError,
    duplicateKeys,
    locate(pointer, at = 'value') {
      let current = pointer;
      if (at === 'key') {
        const keyOffset = keys.get(current);
        if (keyOffset !== undefined) return positionOf(keyOffset);
      }
      for (;;) {
        const offset = values.get(current);
        if (offset !== undefined) return positionOf(offset);
        if (current === '') return positionOf(0);
        current = current.slice(0, current.lastIndexOf('/'));
      }
    },
  };
}

/** Line and column (1-based) of a character offset. */
export function positionAt(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
