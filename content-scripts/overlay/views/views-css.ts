// The live and weight views' look: a card with a status dot, pixel-exact canvases, bars, top-k list and statistics.

export const VIEWS_CSS = String.raw`
.lt .live {
  margin-top: 18px;
  padding: 12px 14px 14px;
  border: 1px solid var(--line);
  border-radius: 12px;
}
.lt .live-head {
  display: flex;
  align-items: center;
  justify-content: space-between;
  margin-bottom: 10px;
}
.lt .live-status {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  font-size: 12px;
  color: var(--fg-muted);
  font-variant-numeric: tabular-nums;
}
.lt .live-status .dot {
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: var(--line-strong);
}
.lt .live-status[data-status='live'] .dot {
  background: #2f9e44;
  box-shadow: 0 0 0 3px rgba(47, 158, 68, 0.18);
}
.lt .live-empty {
  font-size: 13px;
}
.lt figure.maps,
.lt figure.vector,
.lt figure.probs,
.lt figure.weight {
  display: grid;
  gap: 8px;
}
.lt figure.weight + figure.weight {
  margin-top: 16px;
}
.lt figcaption {
  font-size: 12px;
}
.lt canvas {
  display: block;
}
.lt canvas.pixelated {
  image-rendering: pixelated;
  height: auto;
  border-radius: 4px;
  /* The 1 px gaps between tiles are transparent: this draws them as hairlines, so pale tiles keep their edges. */
  background: var(--line-strong);
  padding: 1px;
}
.lt canvas.bars {
  width: 100%;
  height: 72px;
}
.lt canvas.bars.small {
  height: 36px;
}
.lt .weights-view canvas.bars.small {
  height: 48px;
}
.lt .stats {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 16px;
  font-size: 12px;
}
.lt .stats div {
  display: flex;
  gap: 5px;
}
.lt .stats dt {
  color: var(--fg-muted);
}
.lt .topk {
  display: grid;
  gap: 6px;
}
.lt .topk li {
  display: grid;
  grid-template-columns: minmax(0, 7em) 1fr 4.2em;
  align-items: center;
  gap: 10px;
  font-size: 13px;
}
.lt .topk-label {
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
.lt .topk-bar {
  height: 8px;
  border-radius: 4px;
  background: var(--bg-hover);
  overflow: hidden;
}
.lt .topk-bar span {
  display: block;
  height: 100%;
  background: var(--accent);
  border-radius: 4px;
}
.lt .topk-value {
  text-align: right;
}
.lt .note {
  font-size: 12px;
}
`;
