// Authoring mode's look: the editor in the panel (fields, lists, inline problems, previews) and, over the page,
// the box around the element under the pointer and the pointing banner. Theme variables only (light and dark).

export const AUTHOR_CSS = String.raw`
.lt .author-switch {
  display: flex;
  justify-content: flex-end;
  padding: 8px 18px 0;
}
.lt .author {
  padding: 10px 18px 14px;
  border-bottom: 1px solid var(--line);
  font-size: 13px;
}
.lt .author-title {
  font: 650 15px/1.3 var(--sans);
  overflow-wrap: anywhere;
}
.lt .author-h {
  font: 650 12px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--fg-muted);
  margin: 12px 0 6px;
}
.lt .author-section {
  margin-top: 6px;
}
.lt details.author-section > summary {
  cursor: pointer;
}
.lt .author-live:empty {
  display: none;
}
.lt .author-live {
  margin: 6px 0;
  padding: 6px 8px;
  border-radius: 6px;
  background: var(--accent-soft);
  color: var(--fg);
}
.lt .author-btn {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 5px 10px;
  border: 1px solid var(--line-strong);
  border-radius: 8px;
  background: var(--bg);
  color: var(--fg);
  font-size: 12.5px;
  line-height: 1.3;
}
.lt .author-btn:hover:not(:disabled) {
  background: var(--bg-hover);
}
.lt .author-btn.primary {
  background: var(--accent);
  border-color: var(--accent);
  color: var(--accent-fg);
}
.lt .author-btn[aria-pressed='true'] {
  background: var(--accent-soft);
  border-color: var(--accent);
}
.lt .author-btn.small {
  padding: 2px 7px;
  font-size: 12px;
}
.lt .author-btn.danger {
  color: var(--fg);
  border-color: var(--warn);
}
.lt .author-bar,
.lt .author-actions,
.lt .author-row {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 8px;
  margin: 6px 0;
}
.lt .author-field {
  display: flex;
  flex-direction: column;
  gap: 3px;
  margin: 8px 0;
}
.lt .author label {
  font-size: 12px;
  color: var(--fg-muted);
}
.lt .author input,
.lt .author textarea,
.lt .author select {
  font: inherit;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--line-strong);
  border-radius: 6px;
  padding: 5px 7px;
  max-width: 100%;
}
.lt .author textarea {
  width: 100%;
  resize: vertical;
  font-family: var(--mono);
  font-size: 12.5px;
  line-height: 1.5;
}
.lt .author-field input {
  width: 100%;
}
.lt .author-items,
.lt .author-steps,
.lt .author-drafts,
.lt .author-bindings {
  list-style: none;
  margin: 4px 0;
  padding: 0;
}
.lt .author-steps > li,
.lt .author-items > li,
.lt .author-drafts > li {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px;
  margin: 2px 0;
}
.lt .author-steps > li[data-dragging='true'] {
  opacity: 0.5;
}
.lt .author-list-button {
  flex: 1 1 auto;
  padding: 5px 8px;
  border-radius: 6px;
  border: 1px solid transparent;
}
.lt .author-list-button:hover {
  background: var(--bg-hover);
}
.lt .author-list-button[aria-current='true'] {
  border-color: var(--accent);
  background: var(--accent-soft);
}
.lt .author-snippet {
  color: var(--fg);
  overflow-wrap: anywhere;
}
.lt .author-badge {
  font-size: 11.5px;
  color: var(--fg);
  background: var(--warn-soft);
  border-radius: 4px;
  padding: 0 4px;
}
.lt .author-item {
  margin: 8px 0;
  padding: 10px;
  border: 1px solid var(--line);
  border-radius: 8px;
  background: var(--bg-subtle);
}
.lt .author-anchor {
  margin: 6px 0;
  overflow-wrap: anywhere;
}
.lt .author-anchor[data-state='orphan'],
.lt .author-warn {
  color: var(--fg);
  background: var(--warn-soft);
  border-radius: 6px;
  padding: 4px 6px;
}
.lt .author-errors {
  margin: 6px 0;
  padding: 6px 8px 6px 22px;
  border-left: 3px solid var(--warn);
  background: var(--warn-soft);
  border-radius: 4px;
  overflow-wrap: anywhere;
}
.lt .author-error {
  flex-basis: 100%;
  margin: 4px 0 0;
  color: var(--fg);
  background: var(--warn-soft);
  border-radius: 4px;
  padding: 2px 6px;
}
.lt .author-banner {
  margin: 8px 0;
  padding: 8px 10px;
  border-radius: 6px;
  background: var(--accent-soft);
  color: var(--fg);
}
.lt .author-preview {
  margin-top: 8px;
  padding: 8px 10px;
  border-radius: 6px;
  background: var(--note-bg);
  border: 1px dashed var(--line-strong);
}
.lt .author-kicker {
  display: block;
  font: 650 11px/1.4 var(--sans);
  text-transform: uppercase;
  letter-spacing: 0.07em;
  color: var(--fg-muted);
}
.lt .author-link input {
  width: 100%;
  font-size: 11.5px;
}
.lt .pick-box {
  position: fixed;
  z-index: 2147483646;
  pointer-events: none;
  outline: 2px solid var(--accent);
  outline-offset: 1px;
  box-shadow: 0 0 0 4px var(--ring-halo);
  border-radius: 3px;
}
.lt .pick-banner {
  position: fixed;
  z-index: 2147483647;
  top: 10px;
  left: 50%;
  transform: translateX(-50%);
  display: flex;
  align-items: center;
  gap: 10px;
  padding: 8px 12px;
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--accent);
  box-shadow: var(--shadow);
  font-size: 13px;
}
`;
