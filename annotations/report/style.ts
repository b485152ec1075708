// The report's only stylesheet, inlined so the HTML file is self-contained: screen (light and dark) and print.
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #57606a; --line: #d0d7de;
  --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700; --ran: #0969da; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
  --pass: #3fb950; --fail: #f85149; --skip: #d29922; --ran: #4493f8; --code: #161b22; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.5 system-ui, sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem;
  border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.meta, .muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; }
code { background: var(--code); padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); font-size: .85em; }
td.id { max-width: 11rem; overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: .85em; }
td:last-child { white-space: nowrap; }
.status { display: inline-block; min-width: 6.5em; padding: .05rem .4rem; border-radius: 3px; font-weight: 600;
  font-size: .8em; text-align: center; color: #fff; }
.status.pass { background: var(--pass); } .status.fail { background: var(--fail); }
.status.could-not-run { background: var(--skip); } .status.ran { background: var(--ran); }
.summary { display: flex; gap: 1rem; flex-wrap: wrap; padding: .75rem 1rem; border: 1px solid var(--line);
  border-radius: 6px; }
.summary strong { font-size: 1.3em; }
.verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); } .verdict.could-not-run { color: var(--skip); }
.prose p { margin: .25rem 0; } .prose math { font-size: 1.05em; }
.observed { margin: 0; padding-left: 1rem; min-width: 11rem; }
img.thumb { display: block; width: 56px; height: auto; image-rendering: pixelated; border: 1px solid var(--line);
  margin-bottom: .25rem; } .message { margin: .25rem 0 0; }
ul.plain { margin: .25rem 0; padding-left: 1.25rem; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --line: #bbb; --code: #f3f3f3; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .status { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr, .summary, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
`;
