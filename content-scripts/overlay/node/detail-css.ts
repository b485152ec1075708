// The layer view's look: title, explanation with equations, facts, settings, weights table and live views.

export const DETAIL_CSS = String.raw`
.lt .detail {
  padding: 12px 18px 0;
}
.lt .back {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  margin-left: -6px;
  padding: 5px 8px 5px 4px;
  border-radius: 8px;
  color: var(--accent);
  font-weight: 550;
  font-size: 13px;
}
.lt .back:hover {
  background: var(--accent-soft);
}
.lt .detail-head {
  margin: 10px 0 14px;
}
.lt .detail-title {
  font: 650 19px/1.25 var(--sans);
  letter-spacing: -0.01em;
  overflow-wrap: anywhere;
}
.lt .detail-kind {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 8px;
  margin-top: 6px;
  font-size: 13px;
}
.lt .explain .summary {
  font-size: 14.5px;
  line-height: 1.55;
}
.lt .equation {
  margin: 12px 0 8px;
  padding: 12px 14px;
  border-radius: 10px;
  background: var(--bg-subtle);
  border: 1px solid var(--line);
  overflow-x: auto;
  overflow-y: hidden;
  color: var(--fg);
}
.lt .equation .katex-display {
  margin: 0;
}
.lt .equation .katex {
  font-size: 1.12em;
}
.lt .where {
  font-size: 12.5px;
}
.lt .activation {
  margin-top: 14px;
}
.lt .facts,
.lt .attrs {
  display: grid;
  grid-template-columns: repeat(3, minmax(0, 1fr));
  gap: 10px 12px;
  margin-top: 18px;
}
.lt .facts .wide {
  grid-column: 1 / -1;
}
.lt .facts dt,
.lt .attrs dt {
  font-size: 11.5px;
  color: var(--fg-muted);
  overflow-wrap: anywhere;
}
.lt .facts dd,
.lt .attrs dd {
  font-size: 13px;
  overflow-wrap: anywhere;
}
.lt .attrs {
  grid-template-columns: repeat(2, minmax(0, 1fr));
  margin-top: 8px;
}
.lt .links {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 10px;
}
.lt .link {
  color: var(--accent);
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
  overflow-wrap: anywhere;
}
.lt .block {
  margin-top: 22px;
}
.lt .block h4,
.lt .live h4 {
  font: 600 11.5px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--fg-muted);
}
.lt table.weights {
  width: 100%;
  margin-top: 6px;
  border-collapse: collapse;
  font-size: 13px;
}
.lt .weights th,
.lt .weights td {
  padding: 6px 4px;
  border-bottom: 1px solid var(--line);
  text-align: left;
  font-weight: 400;
}
.lt .weights thead th {
  font-size: 11.5px;
  color: var(--fg-muted);
}
.lt .weights tbody th {
  font-weight: 550;
}
.lt .weights .right {
  text-align: right;
}
`;
