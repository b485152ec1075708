// Renders a pack run (PackRunResult) as one self-contained HTML document for audits: no scripts, no external
// requests (a CSP forbids both), inline CSS that prints cleanly, pack prose rendered by the safe renderer, and the
// run's data as inert JSON (report-data.ts) for `literate report verify`.
import type { CheckAnnotation, ExampleAnnotation, ExampleInput, Pack } from '../format/types';
import { renderMarkdown } from '../render/render-annotation';
import type { RenderWindow } from '../render/sanitize';
import { escapeHtml } from '../render/sanitize';
import type {
  CheckOutcome,
  ExampleResult,
  ModelInfo,
  ObservedOutput,
  PackRunResult,
  StalenessReport,
  TopEntry,
} from '../checks/types';
import { embedJson, makeReportData, REPORT_DATA_ID, type ReportData } from './report-data';
import { REPORT_CSS } from './style';

export interface ReportMeta {
  /** The page the pack ran on (the overlay), or null (the CLI, models from files). */
  pageUrl?: string | null;
  /** ISO 8601. */
  generatedAt: string;
  /** e.g. "literate 0.1.0". */
  toolVersion: string;
  /** Where each model came from when not a page (CLI: paths or URLs), by alias. */
  modelSources?: Record<string, string>;
  /** The browser's user agent (the overlay) or the Node version (the CLI). */
  browser?: string | null;
  /** How the pack's page notes stood on the page (the overlay only): shown in the header, not sealed. */
  pageNotes?: PageNotesStatus;
}

/** The page notes as the reader saw them: beside the page, about parts it did not show, unplaced, for other pages. */
export interface PageNotesStatus {
  placed: number;
  hidden: { id: string; reason: string }[];
  orphans: { id: string; reasons: string[] }[];
  elsewhere: number;
}

function pageNotesHtml(n: PageNotesStatus): string {
  const list = (items: { id: string; why: string }[]) =>
    items.map((i) => `<code>${e(i.id)}</code> (${e(i.why)})`).join('; ');
  const parts = [`${n.placed} placed`];
  if (n.hidden.length > 0)
    parts.push(
      `${n.hidden.length} about parts of the page not shown: ${list(n.hidden.map((h) => ({ id: h.id, why: h.reason })))}`,
    );
  if (n.orphans.length > 0)
    parts.push(
      `${n.orphans.length} could not be placed: ${list(n.orphans.map((o) => ({ id: o.id, why: o.reasons.join(', ') })))}`,
    );
  if (n.elsewhere > 0) parts.push(`${n.elsewhere} for the pack's other pages`);
  return parts.join('; ');
}

export interface ReportOptions {
  /** A DOM window for the sanitizer: prose (Markdown + TeX as MathML) is rendered; without one it is shown as text. */
  window?: RenderWindow;
}

/** The Content-Security-Policy of every report: no script, no fetch, no external picture or font. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

const e = (text: unknown): string => escapeHtml(String(text));
const STATUS_TEXT: Record<string, string> = {
  pass: 'pass',
  fail: 'fail',
  'could-not-run': 'could not run',
  ran: 'ran',
};

const badge = (status: string): string =>
  `<span class="status ${e(status)}">${e(STATUS_TEXT[status] ?? status)}</span>`;

/** Replaces pictures that would load from elsewhere by a link in words: the report makes no requests. */
function offline(html: string, win: RenderWindow): string {
  const template = win.document.createElement('template');
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (src.startsWith('data:image/')) continue;
    const text = win.document.createElement('span');
    text.className = 'muted';
    text.textContent = `[picture: ${img.getAttribute('alt') || 'no description'} — ${src}]`;
    img.replaceWith(text);
  }
  return template.innerHTML;
}

function prose(markdown: string | undefined, options: ReportOptions): string {
  if (!markdown) return '';
  if (options.window) {
    try {
      return `<div class="prose">${offline(renderMarkdown(markdown, { window: options.window }), options.window)}</div>`;
    } catch {
      // fall through to plain text
    }
  }
  return `<div class="prose"><p>${e(markdown)}</p></div>`;
}

/** JSON-ish text of a value, short enough for a table cell. */
function short(value: unknown, max = 400): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? value
        : JSON.stringify(value, (_k, v) => (typeof v === 'number' ? round(v) : v));
  } catch {
    text = String(value);
  }
  if (text === undefined) text = String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const round = (v: number): number | string =>
  Number.isFinite(v) ? (Number.isInteger(v) ? v : Number(v.toPrecision(4))) : String(v);

function topHtml(top: readonly TopEntry[] | undefined): string {
  if (!top || top.length === 0) return '';
  return top
    .slice(0, 3)
    .map(
      (t) =>
        `${t.label !== undefined ? e(t.label) : `class ${e(t.index)}`} <span class="muted">(${e(round(t.score))})</span>`,
    )
    .join(', ');
}

function observedHtml(observed: ObservedOutput | null): string {
  if (!observed) return '<span class="muted">—</span>';
  const parts = [
    `<li>top: ${topHtml(observed.top) || '—'}</li>`,
    `<li>shape <code>[${e(observed.shape.join(', '))}]</code>${observed.nodeId ? ` of <code>${e(observed.nodeId)}</code>` : ''}</li>`,
    `<li>values <code>${e(short(observed.values, 200))}</code></li>`,
  ];
  return `<ul class="observed">${parts.join('')}</ul>`;
}

const INLINE_PICTURE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** The example's picture itself, when it is inline (data: URLs load nothing). */
function thumbnail(input: ExampleInput): string {
  if (!('image' in input) || !INLINE_PICTURE.test(input.image)) return '';
  return `<img class="thumb" src="${e(input.image)}" alt="the example's input picture">`;
}

function inputText(input: ExampleInput): string {
  if ('tensor' in input)
    return `tensor ${short(input.tensor, 80)}${input.shape ? ` reshaped to [${input.shape.join(', ')}]` : ''}`;
  if ('image' in input)
    return input.image.startsWith('data:')
      ? `picture (${input.image.slice(5, input.image.indexOf(';'))}, inline)`
      : `picture ${input.image}`;
  return `page element ${input.element}`;
}

function modelsHtml(models: readonly ModelInfo[], meta: ReportMeta): string {
  const rows = models.map((m) => {
    const facts: [string, string][] = [
      [
        'Model',
        m.name
          ? `${e(m.name)} <span class="muted">(${e(m.kind ?? '')})</span>`
          : '<span class="muted">not loaded</span>',
      ],
      ['Fingerprint', m.fingerprint ? `<code>${e(m.fingerprint)}</code>` : '—'],
      [
        'Weights digest',
        m.weights
          ? `<code>${e(m.weights.digest)}</code> <span class="muted">(${e(m.weights.weights)} weights, ${e(
              m.weights.bytes,
            )} bytes, hashed in ${e(m.weights.ms)} ms)</span>`
          : '<span class="muted">not computed</span>',
      ],
      ['Source', e(meta.modelSources?.[m.alias] ?? m.sourceUrl ?? '—')],
      [
        'tf.js',
        `${e(m.tfjsVersion ?? 'unknown')} <span class="muted">backend</span> ${e(m.backend ?? 'unknown')}`,
      ],
    ];
    return `<h3 class="mono">${e(m.alias)}</h3><dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  });
  return `<section><h2>Models</h2>${rows.join('') || '<p class="muted">The pack targets no model.</p>'}</section>`;
}

function stalenessHtml(report: StalenessReport): string {
  const items = report.models.map((m) => {
    const details: string[] = [];
    if (m.fingerprintMatches === false)
      details.push(
        `fingerprint: the pack names <code>${e(m.expectedFingerprint)}</code>, the model is <code>${e(m.observedFingerprint)}</code>`,
      );
    if (m.weightsMatch === false)
      details.push(
        `weights: the pack pins <code>${e(m.expectedWeightsDigest)}</code>, the model's weights digest is <code>${e(m.observedWeightsDigest)}</code>`,
      );
    for (const f of m.structureFailures) details.push(`structure: the model ${e(f)}`);
    for (const o of m.orphans)
      details.push(`<code>${e(o.id)}</code> (${e(o.kind)}) no longer applies: ${e(o.reason)}`);
    return `<li><strong class="mono">${e(m.alias)}</strong> — <span class="verdict ${m.stale ? 'fail' : 'pass'}">${m.stale ? 'stale' : 'current'}</span>: ${e(m.summary)}${
      details.length > 0 ? `<ul class="plain">${details.map((d) => `<li>${d}</li>`).join('')}</ul>` : ''
    }</li>`;
  });
  return `<section><h2>Staleness</h2><p class="muted">Does each model still match what the pack was written for? Reported only; nothing was re-bound.</p><ul class="plain">${items.join('')}</ul></section>`;
}

function examplesHtml(pack: Pack, results: readonly ExampleResult[], options: ReportOptions): string {
  if (results.length === 0) return '';
  const byId = new Map(pack.items.map((a) => [a.id, a]));
  const rows = results.map((r) => {
    const a = byId.get(r.id) as ExampleAnnotation | undefined;
    const expected = r.expected ? short(r.expected) : '—';
    return `<tr id="example-${e(r.id)}"><td class="id">${e(r.id)}</td><td>${badge(r.status)}</td><td>${
      a
        ? `<div>${thumbnail(a.body.input)}${e(inputText(a.body.input))}</div>${prose(a.body.caption, options)}`
        : ''
    }</td><td><code>${e(expected)}</code></td><td>${observedHtml(r.observed)}<p class="message">${e(r.message)}</p></td><td class="muted">${e(r.ms)} ms</td></tr>`;
  });
  return `<section><h2>Examples</h2><table><thead><tr><th>Example</th><th>Status</th><th>Input</th><th>Expected</th><th>Observed</th><th>Time</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function checksHtml(pack: Pack, outcomes: readonly CheckOutcome[], options: ReportOptions): string {
  if (outcomes.length === 0) return '';
  const byId = new Map(pack.items.map((a) => [a.id, a]));
  const rows = outcomes.map((c) => {
    const a = byId.get(c.id) as CheckAnnotation | undefined;
    return `<tr id="check-${e(c.id)}"><td class="id">${e(c.id)}</td><td>${badge(c.status)}</td><td><code>${e(c.check)}</code> <span class="muted">${e(c.kind)}</span>${prose(a?.body.claim, options)}</td><td><code>${e(short(c.expected))}</code></td><td><code>${e(short(c.observed))}</code><p class="message">${e(c.message)}</p></td><td class="muted">${e(c.ms)} ms</td></tr>`;
  });
  return `<section><h2>Checks</h2><table><thead><tr><th>Check</th><th>Status</th><th>Claim</th><th>Expected</th><th>Observed</th><th>Time</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The whole report as one HTML document (UTF-8). Every value from the pack or the run is escaped or sanitized. */
export function renderReport(
  pack: Pack,
  result: PackRunResult,
  meta: ReportMeta,
  options: ReportOptions = {},
): string {
  const first = result.models.find((m) => m.tfjsVersion || m.backend);
  const data: ReportData = makeReportData(
    pack,
    result,
    {
      pageUrl: meta.pageUrl ?? null,
      browser: meta.browser ?? null,
      runtime: first?.tfjsVersion ? `tf.js ${first.tfjsVersion}` : null,
      backend: first?.backend ?? null,
      tool: meta.toolVersion,
    },
    meta.generatedAt,
  );
  const s = result.summary;
  const verdict =
    s.fail > 0 || result.staleness.stale ? 'fail' : s.couldNotRun > 0 ? 'could-not-run' : 'pass';
  const verdictText =
    verdict === 'fail'
      ? 'Some claims do not hold'
      : verdict === 'could-not-run'
        ? 'Every claim that ran holds; some could not run'
        : 'Every claim holds';
  const facts: [string, string][] = [
    ['Pack', `<code>${e(pack.id)}</code> version ${e(pack.version)}`],
    ['Authors', e(pack.authors.map((a) => a.name).join(', '))],
    ['License', e(pack.license)],
    ['Page', meta.pageUrl ? e(meta.pageUrl) : '<span class="muted">none (models loaded directly)</span>'],
    ...(meta.pageNotes ? [['Page notes', pageNotesHtml(meta.pageNotes)] as [string, string]] : []),
    ['Run', `${e(result.startedAt)} – ${e(result.finishedAt)}`],
    ['Report', `${e(meta.generatedAt)} by ${e(meta.toolVersion)}`],
    [
      'Runtime',
      `${e(data.environment.runtime ?? 'unknown')} <span class="muted">backend</span> ${e(data.environment.backend ?? 'unknown')}`,
    ],
    ['Browser', e(data.environment.browser ?? '—')],
    ['Pack digest', `<code>${e(data.pack.digest)}</code>`],
    [
      'Report digest',
      `<code class="report-digest">${e(data.digest)}</code> <span class="muted">seals the data embedded in this file; check it and re-run every result with <code>literate report verify THIS.html --model PATH</code></span>`,
    ],
  ];
  return `<!doctype html>
<html lang="${e(pack.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(`Check report: ${pack.title}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${e(pack.title)}</h1>
<p class="meta">Check report of a Literate annotation pack</p>
${pack.description ? `<p>${e(pack.description)}</p>` : ''}
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>
<section aria-label="Summary"><h2>Summary</h2>
<div class="summary"><span class="verdict ${verdict}"><strong>${e(verdictText)}</strong></span>
<span><strong>${s.pass}</strong> passed</span><span><strong>${s.fail}</strong> failed</span>
<span><strong>${s.couldNotRun}</strong> could not run</span>${s.ran > 0 ? `<span><strong>${s.ran}</strong> ran without a claim</span>` : ''}
<span>${result.staleness.stale ? '<strong>stale</strong> model target(s)' : 'models current'}</span></div>
</section>
${modelsHtml(result.models, meta)}
${stalenessHtml(result.staleness)}
${examplesHtml(pack, result.examples, options)}
${checksHtml(pack, result.checks, options)}
<script type="application/json" id="${REPORT_DATA_ID}">${embedJson(data)}</script>
</body>
</html>
`;
}
