// A tiny YAML subset for the front matter of literate Markdown packs (FORMAT.md "Front matter"): block mappings
// and sequences by indentation, quoted and plain scalars, [flow, lists]. Plain scalars stay strings (no YAML
// "Norway problem"); the builder types the few numeric and boolean fields itself.

export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

export interface YamlError {
  line: number;
  message: string;
}

export interface YamlResult {
  value: { [key: string]: YamlValue };
  errors: YamlError[];
  /** Line of each key/item, by JSON-pointer-like path ('/models/0/alias'). */
  lines: Map<string, number>;
}

interface Line {
  number: number;
  indent: number;
  text: string;
}

/** Strips a comment (` #…` outside quotes) and trailing spaces. */
function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

/** Parses one scalar or flow list; throws a message on malformed input. */
export function parseScalar(text: string): YamlValue {
  const t = text.trim();
  if (t === '' || t === '~' || t === 'null') return null;
  if (t.startsWith('"')) {
    if (!t.endsWith('"') || t.length < 2) throw new Error('unterminated "string"');
    return JSON.parse(t) as string;
  }
  if (t.startsWith("'")) {
    if (!t.endsWith("'") || t.length < 2) throw new Error("unterminated 'string'");
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new Error('unterminated [list]');
    const inner = t.slice(1, -1).trim();
    if (inner === '') return [];
    const items: string[] = [];
    let current = '';
    let quote: string | null = null;
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i] as string;
      if (quote) {
        current += c;
        if (c === '\\' && quote === '"') current += inner[++i] ?? '';
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
        current += c;
      } else if (c === ',') {
        items.push(current);
        current = '';
      } else if (c === '[' || c === '{') throw new Error('nested lists are not supported in [flow lists]');
      else current += c;
    }
    items.push(current);
    return items.map(parseScalar);
  }
  if (t === '{}') return {};
  if (t.startsWith('{')) throw new Error('{flow mappings} are not supported; use indented key: value lines');
  if (/^[|>]/.test(t)) throw new Error('block scalars (| and >) are not supported; use a quoted string');
  return t;
}

export function parseFrontMatter(source: string, firstLine = 1): YamlResult {
  const errors: YamlError[] = [];
  const lines = new Map<string, number>();
  const all: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    if (/\t/.test(raw.match(/^\s*/)?.[0] ?? ''))
      errors.push({ line: firstLine + i, message: 'indent with spaces, not tabs' });
    const text = stripComment(raw.replace(/\r$/, ''));
    if (text.trim() === '') return;
    all.push({
      number: firstLine + i,
      indent: text.length - text.trimStart().length,
      text: text.trimStart(),
    });
  });
  let index = 0;

  const scalarAt = (text: string, line: number): YamlValue => {
    try {
      return parseScalar(text);
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
      return null;
    }
  };

  const parseBlock = (indent: number, path: string): YamlValue => {
    const first = all[index];
    if (!first || first.indent < indent) return null;
    return first.text.startsWith('- ') || first.text === '-'
      ? parseSequence(first.indent, path)
      : parseMapping(first.indent, path);
  };

  const parseSequence = (indent: number, path: string): YamlValue[] => {
    const items: YamlValue[] = [];
    while (index < all.length) {
      const line = all[index] as Line;
      if (line.indent < indent) break;
      const isItem = line.text.startsWith('- ') || line.text === '-';
      if (line.indent === indent && !isItem) break; // the sequence ended; a sibling key follows
      if (line.indent > indent || !isItem) {
        errors.push({ line: line.number, message: 'expected a "- item" at this indentation' });
        index++;
        continue;
      }
      const itemPath = `${path}/${items.length}`;
      lines.set(itemPath, line.number);
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        index++;
        items.push(parseBlock(indent + 1, itemPath));
      } else if (/^[^"'[\s][^:]*:(\s|$)/.test(rest)) {
        // "- key: value" starts a mapping whose keys sit at the indentation of "key".
        const keyIndent = indent + (line.text.length - rest.length);
        all[index] = { number: line.number, indent: keyIndent, text: rest };
        items.push(parseMapping(keyIndent, itemPath));
      } else {
        index++;
        items.push(scalarAt(rest, line.number));
      }
    }
    return items;
  };

  const parseMapping = (indent: number, path: string): { [key: string]: YamlValue } => {
    const result: { [key: string]: YamlValue } = {};
    while (index < all.length) {
      const line = all[index] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent) {
        errors.push({ line: line.number, message: 'unexpected indentation' });
        index++;
        continue;
      }
      const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:]+?)\s*:(?:\s+(.*)|$)/.exec(line.text);
      if (!match) {
        errors.push({
          line: line.number,
          message: line.text.startsWith('- ')
            ? 'a list item where a "key: value" was expected'
            : 'expected "key: value"',
        });
        index++;
        continue;
      }
      const key = String(scalarAt(match[1] as string, line.number));
      const keyPath = `${path}/${key}`;
      if (Object.hasOwn(result, key)) errors.push({ line: line.number, message: `key '${key}' given twice` });
      lines.set(keyPath, line.number);
      index++;
      const value = match[2];
      const next = all[index];
      let parsed: YamlValue = null;
      if (value !== undefined && value.trim() !== '') parsed = scalarAt(value, line.number);
      else if (next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- '))))
        parsed = next.text.startsWith('- ')
          ? parseSequence(next.indent, keyPath)
          : parseBlock(next.indent, keyPath);
      Object.defineProperty(result, key, {
        value: parsed,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  };

  const value = all.length === 0 ? {} : parseBlock(0, '');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ line: firstLine, message: 'front matter must be "key: value" lines' });
    return { value: {}, errors, lines };
  }
  if (index < all.length)
    errors.push({ line: all[index]?.number ?? firstLine, message: 'unexpected indentation' });
  errors.sort((a, b) => a.line - b.line);
  return { value, errors, lines };
}

const PLAIN_SAFE = /^[A-Za-z0-9_./@+()-][A-Za-z0-9 _./@+(),=*?~:'-]*$/;
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
