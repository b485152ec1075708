// The pack's look in the panel: provenance header, prose of notes and equations (Distill-like: calm type, small
// captions), excerpts in outline rows, the orphans list, and what lights up when an equation symbol is pointed at.

export const PACK_CSS = String.raw`
.lt .pack-head {
  padding: 14px 18px 12px;
  border-bottom: 1px solid var(--line);
}
.lt .pack-kicker {
  font: 650 11px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.07em;
  color: var(--accent);
}
.lt .pack-title {
  margin-top: 2px;
  font: 650 16px/1.3 var(--sans);
  letter-spacing: -0.005em;
  overflow-wrap: anywhere;
}
.lt .pack-by,
.lt .pack-meta {
  font-size: 12.5px;
  overflow-wrap: anywhere;
}
.lt .pack-by {
  margin-top: 3px;
}
.lt .pack-by a,
.lt .prose a {
  color: var(--accent);
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
}
.lt .pack-description {
  margin-top: 8px;
  font-size: 13px;
}
.lt .pack-toggle {
  margin-top: 10px;
}
.lt .prose p,
.lt .prose ul,
.lt .prose ol,
.lt .prose blockquote,
.lt .prose pre,
.lt .prose table {
  margin: 0 0 0.6em;
}
.lt .prose > :last-child,
.lt .prose .lit-annotation > :last-child,
.lt .prose p:last-child {
  margin-bottom: 0;
}
.lt .prose ul,
.lt .prose ol {
  padding-left: 1.3em;
}
.lt .prose ul {
  list-style: disc;
}
.lt .prose ol {
  list-style: decimal;
}
.lt .prose li + li {
  margin-top: 0.2em;
}
.lt .prose strong {
  font-weight: 650;
}
.lt .prose code {
  padding: 0 3px;
  border-radius: 4px;
  background: var(--bg-subtle);
  font-family: var(--mono);
  font-size: 0.92em;
}
.lt .prose blockquote {
  padding-left: 10px;
  border-left: 3px solid var(--line-strong);
  color: var(--fg-muted);
}
.lt .prose h1,
.lt .prose h2,
.lt .prose h3,
.lt .prose h4 {
  margin: 0 0 0.4em;
  font: 650 1em/1.35 var(--sans);
}
.lt .prose img {
  max-width: 100%;
  height: auto;
}
/* The renderer's placeholder for a view (the overlay shows the live view itself), not the annotation's wrapper. */
.lt .lit-view[data-lit-view] {
  display: none;
}
.lt .lit-caption {
  margin-top: 4px;
  font-size: 12.5px;
  color: var(--fg-muted);
}
.lt .lit-bindings {
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 2px 10px;
  margin: 6px 0 2px;
  font-size: 12px;
  color: var(--fg-muted);
}
.lt .lit-bindings dt {
  text-align: right;
}
.lt .lit-bindings dd {
  overflow-wrap: anywhere;
}
.lt .lit-binding-stat {
  margin-left: 4px;
  padding: 0 5px;
  border-radius: 999px;
  background: var(--bg-subtle);
  font-size: 11px;
}
.lt .lit-live {
  padding: 0 3px;
  border-radius: 4px;
  background: var(--accent-soft);
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
.lt .lit-live[data-lt-live='waiting'],
.lt .lit-live[data-lt-live='error'] {
  color: var(--fg-muted);
  background: var(--bg-subtle);
}
.lt .lit-error,
.lt .lit-error-message {
  color: var(--warn);
}
.lt .pack-intro {
  margin: 10px 18px 0;
  font-size: 13.5px;
}
.lt .pack-notes {
  margin: 4px 0 14px;
  padding: 10px 12px 12px;
  border-left: 3px solid var(--accent);
  border-radius: 0 10px 10px 0;
  background: var(--bg-subtle);
}
.lt .pack-notes-head {
  margin-bottom: 6px;
  font: 650 11px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--accent);
}
.lt .pack-item {
  font-size: 13.5px;
  line-height: 1.55;
}
.lt .pack-item + .pack-item {
  margin-top: 10px;
  padding-top: 10px;
  border-top: 1px solid var(--line);
}
.lt .pack-item[data-kind='equation'] {
  font-size: 13px;
}
.lt .view-captions {
  margin-top: 8px;
}
.lt .view-captions .pack-item {
  font-size: 12.5px;
  color: var(--fg-muted);
}
.lt .pack-excerpt {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  overflow: hidden;
  margin: -2px 30px 9px 10px;
  padding-left: 9px;
  border-left: 2px solid var(--accent);
  font-size: 12.5px;
  line-height: 1.4;
  color: var(--fg);
}
.lt .pack-excerpt[data-step='current'] {
  color: var(--accent-strong);
}
.lt .orphans {
  margin: 12px 18px 0;
  padding: 8px 12px;
  border: 1px solid var(--line);
  border-radius: 10px;
  font-size: 13px;
}
.lt .orphans summary {
  cursor: pointer;
  color: var(--fg-muted);
}
.lt .orphans-count {
  display: inline-block;
  min-width: 18px;
  padding: 0 5px;
  border-radius: 999px;
  background: var(--warn-soft);
  color: var(--warn);
  font-weight: 650;
  text-align: center;
}
.lt .orphans > ul {
  margin-top: 8px;
}
.lt .orphan + .orphan {
  margin-top: 8px;
  padding-top: 8px;
  border-top: 1px solid var(--line);
}
.lt .orphan-text {
  margin: 2px 0;
}
.lt .orphan-reasons {
  font-size: 12px;
  color: var(--warn);
  overflow-wrap: anywhere;
}
.lt [data-lt-linked] {
  border-radius: 10px;
  box-shadow:
    0 0 0 2px var(--accent),
    0 0 0 6px var(--ring-halo);
}
`;
