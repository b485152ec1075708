// The look of executable explanations: the claims summary under the pack's provenance, the staleness banner, the
// examples and checks list, Run buttons and pass / fail / could-not-run badges (colour and words, light and dark).

export const CHECKS_CSS = String.raw`
.lt {
  --pass-fg: #1d6b34;
  --pass-bg: #e3f5e8;
  --fail-fg: #a4271d;
  --fail-bg: #fde8e6;
  --cnr-fg: #6d5200;
  --cnr-bg: #fbf0cf;
}
@media (prefers-color-scheme: dark) {
  .lt:not([data-theme='light']) {
    --pass-fg: #8fe0a6;
    --pass-bg: #15301e;
    --fail-fg: #ffaba3;
    --fail-bg: #3d1a17;
    --cnr-fg: #f2d27a;
    --cnr-bg: #352b10;
  }
}
.lt[data-theme='dark'] {
  --pass-fg: #8fe0a6;
  --pass-bg: #15301e;
  --fail-fg: #ffaba3;
  --fail-bg: #3d1a17;
  --cnr-fg: #f2d27a;
  --cnr-bg: #352b10;
}
.lt .checks-summary {
  padding: 10px 18px 12px;
  border-bottom: 1px solid var(--line);
}
.lt .checks-kicker {
  font: 650 11px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.07em;
  color: var(--fg-muted);
}
.lt .checks-line {
  margin-top: 2px;
  font: 600 13.5px/1.4 var(--sans);
  font-variant-numeric: tabular-nums;
}
.lt .checks-line .muted {
  font-weight: 400;
}
.lt .checks-progress {
  display: flex;
  align-items: center;
  gap: 8px;
  margin-top: 6px;
  font-size: 12.5px;
}
.lt .checks-progress progress {
  flex: 1;
  height: 6px;
  accent-color: var(--accent);
}
.lt .checks-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
  margin-top: 8px;
}
.lt .checks-error {
  margin-top: 6px;
  font-size: 12.5px;
  color: var(--fail-fg);
}
.lt .stale-banner {
  margin: 12px 18px 0;
  padding: 10px 12px;
  border: 1px solid var(--warn);
  border-radius: 10px;
  background: var(--warn-soft);
  color: var(--fg);
  font-size: 12.5px;
}
.lt .stale-banner h4 {
  font: 650 13.5px/1.4 var(--sans);
  color: var(--warn);
}
.lt .stale-banner p {
  margin-top: 4px;
}
.lt .stale-banner ul {
  margin-top: 4px;
  padding-left: 1.2em;
  list-style: disc;
  overflow-wrap: anywhere;
}
.lt .exec-section {
  margin: 12px 18px 0;
  border: 1px solid var(--line);
  border-radius: 10px;
}
.lt .exec-section > summary {
  padding: 8px 12px;
  cursor: pointer;
  font: 600 13px/1.4 var(--sans);
}
.lt .exec-group {
  padding: 0 12px 8px;
}
.lt .exec-group-title {
  margin: 6px 0 4px;
  font: 650 12px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--fg-muted);
}
.lt .exec-list {
  list-style: none;
  margin: 0;
  padding: 0;
}
.lt .exec-list > li {
  padding: 8px 0;
  border-top: 1px solid var(--line);
}
.lt .exec-node {
  font-size: 11.5px;
}
.lt .exec-body {
  font-size: 13px;
}
.lt .exec .lit-check-result {
  display: none;
}
.lt .exec .lit-example-image {
  width: 56px;
  height: 56px;
  image-rendering: pixelated;
  border: 1px solid var(--line);
  border-radius: 4px;
}
.lt .exec .lit-example-tensor {
  display: block;
  max-height: 3.2em;
  overflow: hidden;
  font-size: 11px;
  overflow-wrap: anywhere;
}
.lt .exec-controls {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  margin-top: 6px;
}
.lt .exec-run {
  flex: none;
}
.lt .run-result {
  flex: 1;
  min-width: 0;
  font-size: 12.5px;
}
.lt .run-line {
  overflow-wrap: anywhere;
}
.lt .run-badge {
  display: inline-block;
  padding: 0 6px;
  border-radius: 999px;
  font: 650 11.5px/1.6 var(--sans);
  background: var(--bg-subtle);
  color: var(--fg);
}
.lt .run-badge[data-status='pass'] {
  background: var(--pass-bg);
  color: var(--pass-fg);
}
.lt .run-badge[data-status='fail'] {
  background: var(--fail-bg);
  color: var(--fail-fg);
}
.lt .run-badge[data-status='could-not-run'] {
  background: var(--cnr-bg);
  color: var(--cnr-fg);
}
.lt .run-facts {
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 2px 8px;
  margin: 4px 0 0;
}
.lt .run-facts dt {
  color: var(--fg-muted);
}
.lt .run-facts dd {
  margin: 0;
  min-width: 0;
  overflow-wrap: anywhere;
}
.lt .run-top {
  margin: 0;
  padding: 0;
  list-style: none;
}
.lt .run-top li:first-child {
  font-weight: 600;
}
`;
