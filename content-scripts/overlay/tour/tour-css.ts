// The tour card in the panel: a kicker and progress, the step's title and text, previous/next and the step link.

export const TOUR_CSS = String.raw`
.lt .tour {
  margin: 12px 18px 0;
  padding: 12px 14px 14px;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--bg-subtle);
}
.lt .tour:focus-visible {
  outline: 2px solid var(--accent);
  outline-offset: 2px;
}
.lt .tour-start {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 10px 12px;
}
.lt .tour-start .primary {
  white-space: nowrap;
}
.lt .tour-start h3 {
  font: 650 14px/1.3 var(--sans);
}
.lt .tour-start p {
  font-size: 12.5px;
}
.lt .tour-head {
  display: flex;
  align-items: center;
  gap: 8px;
  font-size: 12px;
}
.lt .tour-kicker {
  font: 650 11px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.07em;
  color: var(--accent);
}
.lt .tour-progress-text {
  flex: 1;
  color: var(--fg-muted);
  font-variant-numeric: tabular-nums;
}
.lt .tour-progress {
  height: 3px;
  margin: 6px 0 12px;
  border-radius: 3px;
  background: var(--line);
  overflow: hidden;
}
.lt .tour-progress span {
  display: block;
  height: 100%;
  border-radius: 3px;
  background: var(--accent);
  transition: width var(--speed) ease-out;
}
.lt .tour-title {
  font: 650 15.5px/1.3 var(--sans);
  letter-spacing: -0.005em;
}
.lt .tour-body {
  margin-top: 6px;
  font-size: 13.5px;
}
.lt .tour-nav {
  display: flex;
  justify-content: space-between;
  gap: 8px;
  margin-top: 14px;
}
.lt .primary,
.lt .secondary {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 6px 12px;
  border-radius: 9px;
  font-size: 13px;
  font-weight: 600;
}
.lt .primary {
  background: var(--accent);
  color: var(--accent-fg);
}
.lt .primary:hover {
  background: var(--accent-strong);
}
.lt .secondary {
  border: 1px solid var(--line-strong);
  background: var(--bg);
}
.lt .secondary:hover:not(:disabled) {
  background: var(--bg-hover);
}
.lt button:disabled {
  opacity: 0.45;
  cursor: default;
}
.lt .primary .icon,
.lt .secondary .icon {
  width: 14px;
  height: 14px;
}
.lt .tour-share {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 10px;
  margin-top: 12px;
  font-size: 12.5px;
}
.lt .share-link {
  width: 100%;
  padding: 6px 8px;
  border: 1px solid var(--line-strong);
  border-radius: 8px;
  background: var(--bg);
  font-size: 11.5px;
}
.lt .icon-button.small {
  width: 26px;
  height: 26px;
}
`;
