// The page notes' look: quiet cards in the margin with a number that matches a small marker on the anchor, an
// accent edge for the tour's notes, popovers in markers mode, and the highlight rings around anchors.

export const SIDENOTES_CSS = String.raw`
.lt .page-notes {
  position: fixed;
  inset: 0;
  pointer-events: none;
  z-index: 2147483646;
}
.lt .page-notes ol {
  margin: 0;
  padding: 0;
  list-style: none;
}
.lt .rings,
.lt .ring,
.lt .marker,
.lt .sidenote {
  position: absolute;
  left: 0;
  top: 0;
}
.lt .ring {
  border: 2px solid var(--accent);
  border-radius: 6px;
  box-shadow: 0 0 0 4px var(--ring-halo);
  pointer-events: none;
  animation: lt-ring-in var(--speed) ease-out;
}
@keyframes lt-ring-in {
  from {
    opacity: 0;
  }
}
.lt .marker {
  pointer-events: auto;
  display: grid;
  place-items: center;
  width: 18px;
  height: 18px;
  border-radius: 50%;
  background: var(--accent);
  color: var(--accent-fg);
  font: 650 10.5px/1 var(--sans);
  font-variant-numeric: tabular-nums;
  box-shadow:
    0 0 0 2px var(--bg),
    0 1px 4px rgba(20, 26, 40, 0.3);
  cursor: pointer;
}
.lt .marker[data-text] {
  width: 15px;
  height: 15px;
  font-size: 9.5px;
}
.lt .marker[hidden] {
  display: none;
}
.lt .sidenote[data-shown='false'] {
  visibility: hidden;
  pointer-events: none;
}
.lt .page-notes[data-mode='margin'] .marker:not([data-folded]) {
  opacity: 0.75;
}
.lt .marker:hover,
.lt .marker[aria-expanded='true'],
.lt .marker[data-step='current'] {
  opacity: 1;
  background: var(--accent-strong);
}
.lt .sidenote {
  /* A note's own layout never reaches the page's or the other notes'. */
  contain: layout style;
  pointer-events: auto;
  padding: 9px 12px 9px 32px;
  background: var(--note-bg);
  border: 1px solid var(--line);
  border-radius: 10px;
  box-shadow: 0 1px 2px rgba(20, 26, 40, 0.05);
  font: 400 13px/1.55 var(--sans);
  color: var(--fg);
  overflow-wrap: break-word;
}
.lt .sidenote:focus-visible {
  outline: 2px solid var(--accent);
  outline-offset: 2px;
}
.lt .sidenote-num {
  position: absolute;
  left: 11px;
  top: 10px;
  font: 650 11px/18px var(--sans);
  color: var(--accent);
  font-variant-numeric: tabular-nums;
}
.lt .sidenote[data-expanded='false'] .sidenote-body {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 4;
  overflow: hidden;
}
.lt .sidenote[data-step='current'] {
  border-color: var(--accent);
  box-shadow: 0 0 0 3px var(--accent-soft);
}
.lt .sidenote-more,
.lt .sidenote-close {
  margin-top: 4px;
  font-size: 12px;
  font-weight: 600;
  color: var(--accent);
}
.lt .sidenote[data-clamped='false'][data-expanded='false'] .sidenote-more {
  display: none;
}
.lt .sidenote[data-popover='true'] {
  max-height: min(60vh, 420px);
  overflow: auto;
  box-shadow: var(--shadow);
  z-index: 1;
}
`;
