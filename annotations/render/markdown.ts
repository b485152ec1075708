// Markdown to (unsanitized) HTML with markdown-it: raw HTML off, plus our two inline extensions, $TeX$ / $$TeX$$
// (rendered by tex.ts) and {{live values}} (placeholders the overlay fills). Always sanitize the result.
import markdownit, { type MarkdownIt, type StateBlock, type StateInline } from 'markdown-it';
import { controlValueToString, isControlExpression, parseControlValue } from '../format/control-values';
import { liveValueToString, parseLiveValue } from '../format/live-values';
import { escapeHtml } from './sanitize';
import { texToHtml } from './tex';

const MAX_LIVE_LENGTH = 200;

/** `$…$` (inline) and `$$…$$` (display) inside a paragraph; `\$` stays a dollar. */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 0x24) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const open = display ? 2 : 1;
  const first = src[pos + open];
  if (first === undefined || (!display && /\s/.test(first))) return false;
  let end = pos + open;
  for (;;) {
    end = src.indexOf(display ? '$$' : '$', end);
    if (end < 0 || end > posMax) return false;
    if (src[end - 1] === '\\') {
      end++;
      continue;
    }
    if (!display && (/\s/.test(src[end - 1] ?? '') || /\d/.test(src[end + 1] ?? ''))) {
      end++;
      continue;
    }
    break;
  }
  const content = src.slice(pos + open, end);
  if (content.trim().length === 0) return false;
  if (!silent) {
    const token = state.push('lit_math', 'math', 0);
    token.content = content;
    token.meta = { display };
  }
  state.pos = end + open;
  return true;
}

/** A `$$` line opens display math that runs to a line ending in `$$`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (line: number): string =>
    state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
  const first = lineText(startLine);
  if (!first.startsWith('$$') || state.sCount[startLine]! - state.blkIndent >= 4) return false;
  let content: string;
  let last = startLine;
  const rest = first.slice(2);
  if (rest.trimEnd().endsWith('$$') && rest.trim().length > 2) content = rest.trimEnd().slice(0, -2);
  else {
    const lines = [rest];
    let found = false;
    for (let line = startLine + 1; line < endLine; line++) {
      const text = lineText(line);
      if (text.trimEnd().endsWith('$$')) {
        lines.push(text.trimEnd().slice(0, -2));
        last = line;
        found = true;
        break;
      }
      lines.push(text);
    }
    if (!found) return false;
    content = lines.join('\n');
  }
  if (silent) return true;
  state.line = last + 1;
  const token = state.push('lit_math', 'math', 0);
  token.block = true;
  token.content = content.trim();
  token.meta = { display: true };
  token.map = [startLine, state.line];
  return true;
}

/** `{{ ref | format }}` on one line; `\{{` is left to the escape rule. */
function liveValue(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x7b) return false;
  const close = src.indexOf('}}', pos + 2);
  if (close < 0 || close > state.posMax || close - pos > MAX_LIVE_LENGTH) return false;
  const expression = src.slice(pos + 2, close);
  if (expression.includes('\n') || expression.includes('{')) return false;
  if (!silent) {
    const token = state.push('lit_live', 'span', 0);
    token.content = expression;
  }
  state.pos = close + 2;
  return true;
}

/** `{{@control.stat}}`: a placeholder the overlay fills from the control's state (FORMAT.md "Explorables"). */
function controlValueHtml(expression: string): string {
  const parsed = parseControlValue(expression);
  if (!parsed.ok)
    return `<span class="lit-live lit-error" data-lit-error="${escapeHtml(parsed.error)}">{{${escapeHtml(expression)}}}</span>`;
  const format = parsed.ref.format ? ` data-lit-format="${escapeHtml(parsed.ref.format)}"` : '';
  return `<span class="lit-control-value" data-lit-control-value="${escapeHtml(controlValueToString(parsed.ref))}"${format}>…</span>`;
}

function createMarkdown(): MarkdownIt {
  const md = markdownit({ html: false, linkify: true, typographer: false, breaks: false });
  md.inline.ruler.after('escape', 'lit_math', mathInline);
  md.inline.ruler.after('escape', 'lit_live', liveValue);
  md.block.ruler.before('fence', 'lit_math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.renderer.rules.lit_math = (tokens, idx) => {
    const token = tokens[idx];
    const display = token?.meta?.display === true;
    const html = texToHtml(token?.content ?? '', display);
    return display ? `<div class="lit-math-display">${html}</div>` : html;
  };
  md.renderer.rules.lit_live = (tokens, idx) => {
    const expression = tokens[idx]?.content ?? '';
    if (isControlExpression(expression)) return controlValueHtml(expression);
    const parsed = parseLiveValue(expression);
    if (!parsed.ok)
      return `<span class="lit-live lit-error" data-lit-error="${escapeHtml(parsed.error)}">{{${escapeHtml(expression)}}}</span>`;
    const { format, ...ref } = parsed.ref;
    const formatAttribute = format ? ` data-lit-format="${escapeHtml(format)}"` : '';
    return `<span class="lit-live" data-lit-live="${escapeHtml(liveValueToString(ref))}"${formatAttribute}>…</span>`;
  };
  return md;
}

let shared: MarkdownIt | undefined;

/** Markdown (with $TeX$ and {{live values}}) to HTML. Not sanitized: callers go through sanitize.ts. */
export function markdownToHtml(markdown: string, inline = false): string {
  shared ??= createMarkdown();
  return inline ? shared.renderInline(markdown) : shared.render(markdown);
}
