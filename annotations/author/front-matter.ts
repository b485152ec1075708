// Front matter of literate Markdown packs (FORMAT.md "Front matter"), parsed by the `yaml` library with YAML's
// failsafe schema: every scalar stays the string the author wrote (`version: 1.10` is "1.10", `no` is "no", no YAML
// 1.1 surprises); only an empty value, `~` or `null` unquoted is null. front-matter-fields.ts types the few
// numeric and boolean fields itself. Aliases are refused (no billion laughs), keys may not repeat.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';

export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

export interface YamlError {
  line: number;
  column?: number;
  message: string;
}

export interface YamlResult {
  value: { [key: string]: YamlValue };
  errors: YamlError[];
  /** Line of each key/item, by JSON-pointer-like path ('/models/0/alias'). */
  lines: Map<string, number>;
}

const NULL_WORDS = new Set(['', '~', 'null']);

/** First line of a YAML error message (the library adds a source excerpt below it). */
const firstLine = (message: string): string => message.split('\n')[0]?.trim() ?? message;

interface Parsed {
  value: YamlValue;
  errors: YamlError[];
  lines: Map<string, number>;
}

function parseYaml(source: string, lineOffset: number): Parsed {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    schema: 'failsafe',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const errors: YamlError[] = [];
  const lines = new Map<string, number>();
  const at = (offset: number | undefined): { line: number; column: number } => {
    const position = lineCounter.linePos(offset ?? 0);
    return { line: position.line + lineOffset - 1, column: position.col };
  };
  for (const error of [...document.errors, ...document.warnings]) {
    const { line, column } = at(error.pos[0]);
    errors.push({ line, column, message: firstLine(error.message) });
  }
  const convert = (node: unknown, path: string): YamlValue => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      errors.push({ ...at(node.range?.[0]), message: 'aliases (*name) are not supported; repeat the value' });
      return null;
    }
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || value === undefined) return null;
      const text = String(value);
      return node.type === Scalar.PLAIN && NULL_WORDS.has(text) ? null : text;
    }
    if (isSeq(node))
      return node.items.map((item, index) => {
        const itemPath = `${path}/${index}`;
        lines.set(itemPath, at((item as Node | null)?.range?.[0]).line);
        return convert(item, itemPath);
      });
    if (isMap(node)) {
      const result: { [key: string]: YamlValue } = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value ?? '') : undefined;
        const keyRange = (pair.key as Node | null)?.range;
        if (key === undefined) {
          errors.push({ ...at(keyRange?.[0]), message: 'keys must be plain text' });
          continue;
        }
        const keyPath = `${path}/${key}`;
        lines.set(keyPath, at(keyRange?.[0]).line);
        // defineProperty: a key named __proto__ is an ordinary key here, never the prototype.
        Object.defineProperty(result, key, {
          value: convert(pair.value, keyPath),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
    errors.push({ ...at(undefined), message: 'unsupported YAML node' });
    return null;
  };
  const value = convert(document.contents, '');
  return { value, errors, lines };
}

/** Parses one scalar or flow list as front matter would; throws the first error. */
export function parseScalar(text: string): YamlValue {
  const { value, errors } = parseYaml(text, 1);
  if (errors[0]) throw new Error(errors[0].message);
  return value;
}

export function parseFrontMatter(source: string, firstLineNumber = 1): YamlResult {
  try {
    const { value, errors, lines } = parseYaml(source, firstLineNumber);
    errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    if (value === null && errors.length === 0) return { value: {}, errors, lines };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line: firstLineNumber, message: 'front matter must be "key: value" lines' });
      return { value: {}, errors, lines };
    }
    return { value, errors, lines };
  } catch (error) {
    return {
      value: {},
      errors: [
        { line: firstLineNumber, message: `could not read the front matter: ${(error as Error).message}` },
      ],
      lines: new Map(),
    };
  }
}

// YAML reserves @ and ` as first characters, and '- ' starts a sequence entry.
const PLAIN_SAFE = /^(?:[A-Za-z0-9_./+()]|-(?=[^ ]))[A-Za-z0-9 _./@+(),=*?~:'-]*$/;
const RESERVED = /^(?:null|~|true|false|yes|no|on|off)$/i;

/** A scalar as front-matter text: plain when unambiguous, else double-quoted (JSON escapes are YAML escapes). */
export function formatScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const ambiguous =
    value.endsWith(' ') || value.endsWith(':') || value.includes(' #') || value.includes(': ');
  if (PLAIN_SAFE.test(value) && !ambiguous && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}
