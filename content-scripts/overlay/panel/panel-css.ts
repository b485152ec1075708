// The side panel's frame: full height at one edge, header, scrolling body, resize handle, model tabs, loading state.

export const PANEL_CSS = String.raw`
.lt .panel {
  position: fixed;
  top: 0;
  bottom: 0;
  z-index: 2147483647;
  display: flex;
  flex-direction: column;
  max-width: 100vw;
  background: var(--bg);
  color: var(--fg);
  box-shadow: var(--shadow);
  animation: lt-slide-in var(--speed) ease-out;
}
.lt .panel[data-side='right'] {
  right: 0;
  border-left: 1px solid var(--line);
}
.lt .panel[data-side='left'] {
  left: 0;
  border-right: 1px solid var(--line);
  --from: -16px;
}
@keyframes lt-slide-in {
  from {
    transform: translateX(var(--from, 16px));
    opacity: 0;
  }
}
.lt .resize {
  position: absolute;
  top: 0;
  bottom: 0;
  width: 8px;
  cursor: col-resize;
  touch-action: none;
  z-index: 1;
}
.lt .panel[data-side='right'] .resize {
  left: -4px;
}
.lt .panel[data-side='left'] .resize {
  right: -4px;
}
.lt .resize::after {
  content: '';
  position: absolute;
  top: 50%;
  left: 3px;
  width: 2px;
  height: 40px;
  margin-top: -20px;
  border-radius: 2px;
  background: var(--line-strong);
  opacity: 0;
  transition: opacity var(--speed);
}
.lt .resize:hover::after,
.lt .resize:focus-visible::after {
  opacity: 1;
}
.lt .panel-head {
  display: flex;
  align-items: center;
  gap: 10px;
  padding: 14px 12px 12px 18px;
  border-bottom: 1px solid var(--line);
}
.lt .brand {
  display: grid;
  place-items: center;
  width: 30px;
  height: 30px;
  border-radius: 8px;
  background: var(--accent);
  color: var(--accent-fg);
  flex: none;
}
.lt .panel-titles {
  flex: 1;
  min-width: 0;
}
.lt .panel-head h2 {
  font: 650 15px/1.25 var(--sans);
  letter-spacing: -0.005em;
}
.lt .panel-subtitle {
  font-size: 12.5px;
  line-height: 1.3;
}
.lt .icon-button {
  display: grid;
  place-items: center;
  width: 32px;
  height: 32px;
  border-radius: 8px;
  color: var(--fg-muted);
  flex: none;
}
.lt .icon-button:hover {
  background: var(--bg-hover);
  color: var(--fg);
}
.lt .panel-body {
  flex: 1;
  overflow: auto;
  overscroll-behavior: contain;
  scrollbar-gutter: stable;
  padding: 0 0 32px;
}
.lt .tabs {
  display: flex;
  gap: 4px;
  padding: 10px 14px 0;
  overflow-x: auto;
  border-bottom: 1px solid var(--line);
}
.lt .tab {
  padding: 7px 10px 9px;
  border-bottom: 2px solid transparent;
  color: var(--fg-muted);
  font-weight: 550;
  white-space: nowrap;
  border-radius: 6px 6px 0 0;
}
.lt .tab:hover {
  color: var(--fg);
  background: var(--bg-hover);
}
.lt .tab[aria-selected='true'] {
  color: var(--accent);
  border-bottom-color: var(--accent);
}
.lt .tab .muted {
  font-weight: 400;
  margin-left: 6px;
  font-size: 12px;
}
.lt .model-head {
  padding: 18px 18px 6px;
}
.lt .model-head h3 {
  font: 650 19px/1.25 var(--sans);
  letter-spacing: -0.01em;
  overflow-wrap: anywhere;
}
.lt .model-head p {
  margin-top: 4px;
  font-size: 12.5px;
  overflow-wrap: anywhere;
}
.lt .state {
  padding: 24px 18px;
}
.lt .skeleton {
  display: grid;
  gap: 10px;
  padding: 18px;
}
.lt .skeleton span {
  display: block;
  height: 14px;
  border-radius: 6px;
  background: linear-gradient(90deg, var(--bg-subtle), var(--bg-hover), var(--bg-subtle));
  background-size: 200% 100%;
  animation: lt-shimmer 1.2s linear infinite;
}
.lt .skeleton span:nth-child(3n + 1) {
  width: 60%;
}
@keyframes lt-shimmer {
  to {
    background-position: -200% 0;
  }
}
.lt .error {
  color: var(--warn);
}
.lt .foot {
  margin: 20px 18px 0;
  font-size: 12px;
}
`;
