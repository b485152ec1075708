// The launcher's look: a small pill in a corner, above the page, that lifts on hover and shows it is being dragged.

export const LAUNCHER_CSS = String.raw`
.lt .launcher {
  position: fixed;
  z-index: 2147483646;
  display: inline-flex;
  align-items: center;
  gap: 8px;
  height: 40px;
  padding: 0 16px 0 12px;
  border-radius: 999px;
  background: var(--accent);
  color: var(--accent-fg);
  font: 600 13.5px/1 var(--sans);
  letter-spacing: 0.01em;
  box-shadow: var(--shadow);
  cursor: pointer;
  touch-action: none;
  user-select: none;
  -webkit-user-select: none;
  transition:
    transform var(--speed) ease,
    box-shadow var(--speed) ease,
    background-color var(--speed) ease;
}
.lt .launcher:hover {
  background: var(--accent-strong);
  transform: translateY(-1px);
}
.lt .launcher:focus-visible {
  outline: 3px solid var(--accent);
  outline-offset: 3px;
  border-radius: 999px;
}
.lt .launcher[data-dragging='true'] {
  cursor: grabbing;
  transform: scale(1.04);
  transition: none;
}
.lt .launcher[hidden] {
  display: none;
}
.lt .launcher .icon {
  width: 18px;
  height: 18px;
}
.lt .launcher[aria-busy='true'] {
  cursor: progress;
}
.lt .launcher[aria-busy='true'] .icon {
  animation: lt-launcher-wait 0.8s ease-in-out infinite alternate;
}
@keyframes lt-launcher-wait {
  to {
    opacity: 0.35;
  }
}
@media (prefers-reduced-motion: reduce) {
  .lt .launcher[aria-busy='true'] .icon {
    animation: none;
    opacity: 0.6;
  }
}
.lt .load-error {
  position: fixed;
  z-index: 2147483646;
  right: 20px;
  bottom: 72px;
  max-width: 320px;
  margin: 0;
  padding: 10px 14px;
  border-radius: 8px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--warn);
  font: 13px/1.4 var(--sans);
  box-shadow: var(--shadow);
}
`;
