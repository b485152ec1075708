// Splits a literate Markdown pack into its front matter and its `:::kind {attributes}` … `:::` blocks, keeping
// source lines so build errors can point at them. The attribute syntax is FORMAT.md "Attributes".

export interface SourceError {
  line: number;
  column?: number;
  message: string;
  hint?: string;
}

export interface Directive {
  kind: string;
  id?: string;
  /** Attributes in source order (keys are unique). */
  attributes: Map<string, string>;
  /** Line of the `:::kind` opening. */
  line: number;
  /** Line where the content starts (after leading blank lines). */
  contentLine: number;
  content: string;
}

export interface LiterateSource {
  frontMatter?: { text: string; line: number };
  directives: Directive[];
  errors: SourceError[];
}

/** Parses `{#id key=value key="quoted \" value" key='single'}`. */
export function parseAttributes(text: string): {
  id?: string;
  attributes: Map<string, string>;
  error?: string;
} {
  const attributes = new Map<string, string>();
  let id: string | undefined;
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  let i = 0;
  const fail = (error: string) => ({ id, attributes, error });
  while (i < inner.length) {
    while (inner[i] === ' ' || inner[i] === '\t') i++;
    if (i >= inner.length) break;
    if (inner[i] === '#') {
      const match = /^#([^\s}]+)/.exec(inner.slice(i));
      if (!match) return fail('expected an id after #');
      if (id !== undefined) return fail('two #ids');
      id = match[1];
      i += match[0].length;
      continue;
    }
    const key = /^[A-Za-z][A-Za-z0-9_-]*/.exec(inner.slice(i))?.[0];
    if (!key) return fail(`unexpected '${inner[i]}' in attributes`);
    i += key.length;
    if (inner[i] !== '=') return fail(`attribute '${key}' needs =value`);
    i++;
    let value = '';
    const quote = inner[i];
    if (quote === '"' || quote === "'") {
      i++;
      for (;;) {
        if (i >= inner.length) return fail(`unterminated ${quote} in attribute '${key}'`);
        const c = inner[i] as string;
        if (c === '\\' && (inner[i + 1] === quote || inner[i + 1] === '\\')) {
          value += inner[i + 1];
          i += 2;
        } else if (c === quote) {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
    } else {
      const match = /^[^\s"']+/.exec(inner.slice(i));
      value = match?.[0] ?? '';
      i += value.length;
    }
    if (attributes.has(key)) return fail(`attribute '${key}' given twice`);
    attributes.set(key, value);
  }
  return { id, attributes };
}

/** An attribute value as source text: bare when safe, else quoted with the quote that needs no escaping. */
export function formatAttribute(value: string): string {
  if (/^[A-Za-z0-9_.:/#*@+-]+$/.test(value) && !value.startsWith('#')) return value;
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  return `${quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

const OPEN = /^:::([A-Za-z][A-Za-z0-9-]*)\s*(\{.*\})?\s*$/;
const CLOSE = /^:::\s*$/;
const FENCE = /^\s*(```|~~~)/;

export function splitLiterate(source: string): LiterateSource {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const errors: SourceError[] = [];
  const directives: Directive[] = [];
  let i = 0;
  let frontMatter: LiterateSource['frontMatter'];
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end < 0)
      errors.push({ line: 1, message: 'front matter is not closed', hint: 'end it with a line of ---' });
    else {
      frontMatter = { text: lines.slice(1, end).join('\n'), line: 2 };
      i = end + 1;
    }
  } else
    errors.push({
      line: 1,
      message: 'missing front matter',
      hint: 'start the file with --- and the pack metadata',
    });

  let inComment = false;
  for (; i < lines.length; i++) {
    const text = lines[i] as string;
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.trim() === '' || /^#{1,6}\s/.test(text)) continue;
    if (text.trimStart().startsWith('<!--')) {
      inComment = !text.includes('-->');
      continue;
    }
    const open = OPEN.exec(text);
    if (!open) {
      errors.push({
        line: i + 1,
        message: CLOSE.test(text) ? 'closing ::: without an opening block' : 'text outside a ::: block',
        hint: 'put prose in a :::note block (headings and <!-- comments --> may stand outside)',
      });
      continue;
    }
    const parsed = parseAttributes(open[2] ?? '');
    if (parsed.error) errors.push({ line: i + 1, column: text.indexOf('{') + 1, message: parsed.error });
    const body: string[] = [];
    const start = i;
    let inFence = false;
    let closed = false;
    for (i++; i < lines.length; i++) {
      const line = lines[i] as string;
      if (FENCE.test(line)) inFence = !inFence;
      if (!inFence && CLOSE.test(line)) {
        closed = true;
        break;
      }
      if (!inFence && OPEN.test(line)) {
        errors.push({
          line: i + 1,
          message: `::: blocks cannot nest (block opened on line ${start + 1})`,
          hint: 'close the block first with :::',
        });
      }
      body.push(line);
    }
    if (!closed)
      errors.push({
        line: start + 1,
        message: `:::${open[1]} block is never closed`,
        hint: 'end it with a line of :::',
      });
    let leading = 0;
    while (leading < body.length && (body[leading] as string).trim() === '') leading++;
    let trailing = body.length;
    while (trailing > leading && (body[trailing - 1] as string).trim() === '') trailing--;
    directives.push({
      kind: open[1] as string,
      ...(parsed.id !== undefined ? { id: parsed.id } : {}),
      attributes: parsed.attributes,
      line: start + 1,
      contentLine: start + 2 + leading,
      content: body.slice(leading, trailing).join('\n'),
    });
  }
  return { frontMatter, directives, errors };
}
