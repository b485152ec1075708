// The outline's look: totals card, filter row, node rows with chips and a one-line glossary description.

export const OUTLINE_CSS = String.raw`
.lt .summary-card {
  margin: 10px 18px 0;
  padding: 12px 14px;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--bg-subtle);
}
.lt .totals {
  display: grid;
  grid-template-columns: repeat(3, minmax(0, 1fr));
  gap: 10px 12px;
}
.lt .totals dt {
  font-size: 11.5px;
  color: var(--fg-muted);
  letter-spacing: 0.01em;
}
.lt .totals dd {
  font: 600 15px/1.3 var(--sans);
  overflow-wrap: anywhere;
}
.lt .io {
  margin-top: 10px;
  padding-top: 9px;
  border-top: 1px solid var(--line);
  font-size: 12.5px;
}
.lt .io .mono {
  color: var(--fg);
  font-family: var(--sans);
  font-size: 12.5px;
  font-variant-numeric: tabular-nums;
}
.lt .filters {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px 14px;
  padding: 14px 18px 10px;
  background: var(--bg);
}
.lt .search {
  flex: 1 1 200px;
  display: flex;
  align-items: center;
  gap: 8px;
  height: 36px;
  padding: 0 10px;
  border: 1px solid var(--line-strong);
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg-muted);
}
.lt .search:focus-within {
  border-color: var(--accent);
  box-shadow: 0 0 0 3px var(--accent-soft);
}
.lt .search input {
  flex: 1;
  min-width: 0;
  height: 100%;
  border: 0;
  background: transparent;
  color: var(--fg);
  font-size: 13.5px;
}
.lt .search input::placeholder {
  color: var(--fg-muted);
  opacity: 1;
}
.lt .search input:focus-visible {
  outline: none;
}
.lt .toggle {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  font-size: 12.5px;
  color: var(--fg-muted);
  cursor: pointer;
}
.lt .toggle input {
  accent-color: var(--accent);
  width: 14px;
  height: 14px;
}
.lt .list-heading {
  padding: 4px 18px 6px;
  font: 600 11.5px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--fg-muted);
}
.lt .nodes {
  padding: 0 10px;
}
.lt .node {
  /* Rows below the fold are laid out only when scrolled to: posenet-sized lists open fast. */
  content-visibility: auto;
  contain-intrinsic-size: auto 76px;
}
.lt .node-button {
  position: relative;
  display: grid;
  gap: 2px;
  width: 100%;
  padding: 9px 30px 9px 10px;
  border-radius: 10px;
}
.lt .node-button:hover {
  background: var(--bg-hover);
}
.lt .node + .node .node-button::before {
  content: '';
  position: absolute;
  top: 0;
  left: 10px;
  right: 10px;
  border-top: 1px solid var(--line);
}
.lt .node-button:hover::before,
.lt .node:hover + .node .node-button::before {
  border-color: transparent;
}
.lt .node-line {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  min-width: 0;
}
.lt .node-name {
  font: 600 13.5px/1.35 var(--sans);
  overflow-wrap: break-word;
  min-width: 0;
}
.lt .node-name .scope {
  font-weight: 400;
  color: var(--fg-muted);
}
.lt .node-line .chip {
  flex: none;
  margin-top: 0.5px;
}
.lt .node-meta {
  display: flex;
  flex-wrap: wrap;
  gap: 2px 12px;
  font-size: 12px;
  color: var(--fg-muted);
}
.lt .node-meta .shape {
  font-family: var(--sans);
  font-size: 12px;
  font-variant-numeric: tabular-nums;
}
.lt .node-meta .params {
  color: var(--fg);
}
.lt .gloss {
  font-size: 12.5px;
  line-height: 1.4;
  color: var(--fg-muted);
  display: -webkit-box;
  -webkit-line-clamp: 2;
  -webkit-box-orient: vertical;
  overflow: hidden;
}
.lt .chevron {
  position: absolute;
  right: 8px;
  top: 50%;
  margin-top: -8px;
  color: var(--line-strong);
}
.lt .node-button:hover .chevron {
  color: var(--fg-muted);
}
.lt .more {
  display: block;
  margin: 10px 18px 0;
  padding: 9px 12px;
  width: calc(100% - 36px);
  border: 1px solid var(--line-strong);
  border-radius: 10px;
  text-align: center;
  font-weight: 550;
}
.lt .more:hover {
  background: var(--bg-hover);
}
.lt .empty {
  padding: 12px 18px;
}
`;
