// Pack equations are MathML (the renderer's sanitized output): typeset in KaTeX's fonts (italic letters from
// KaTeX_Math, upright words, numbers and operators from KaTeX_Main) with the system math font for what must stretch.

export const PACK_MATH_CSS = String.raw`
.lt math {
  font-family: KaTeX_Main, 'Latin Modern Math', 'STIX Two Math', math;
  font-size: 1.1em;
  color: inherit;
}
.lt math mi:not([mathvariant]):not([data-lt-word]) {
  font-family: KaTeX_Math, math;
  font-style: italic;
  text-transform: none;
}
.lt math mi[mathvariant='normal'],
.lt math mi[data-lt-word] {
  font-family: KaTeX_Main, math;
  font-style: normal;
  text-transform: none;
}
.lt math [mathvariant='bold'] {
  font-family: KaTeX_Main, math;
  font-weight: 700;
  font-style: normal;
  text-transform: none;
}
.lt math [mathvariant='double-struck'] {
  font-family: KaTeX_AMS, math;
  text-transform: none;
}
.lt math mo[stretchy='true'],
.lt math mo[minsize],
.lt math munderover > mo:first-child,
.lt math munder > mo:first-child,
.lt math mover > mo:first-child {
  font-family: math;
}
.lt math[display='block'] {
  margin: 0.35em 0;
}
.lt .lit-equation-math,
.lt .lit-math-display {
  overflow-x: auto;
  overflow-y: hidden;
  padding: 2px 0;
}
.lt [data-lt-bound] {
  cursor: pointer;
  border-radius: 3px;
}
.lt math [data-lt-bound] {
  color: var(--accent);
}
.lt [data-lt-bound]:hover,
.lt [data-lt-bound]:focus-visible {
  background: var(--accent-soft);
  outline: none;
  box-shadow: 0 0 0 2px var(--accent);
}
.lt .symbol-tip {
  position: fixed;
  left: 0;
  top: 0;
  z-index: 2147483647;
  max-width: 300px;
  padding: 8px 10px;
  border: 1px solid var(--line-strong);
  border-radius: 9px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: var(--shadow);
  font: 400 12.5px/1.45 var(--sans);
  pointer-events: none;
}
.lt .symbol-tip[hidden] {
  display: none;
}
.lt .symbol-tip .tip-title {
  font-weight: 600;
}
.lt .symbol-tip .tip-line {
  display: flex;
  justify-content: space-between;
  gap: 12px;
  color: var(--fg-muted);
}
.lt .symbol-tip .tip-value {
  color: var(--fg);
  font-variant-numeric: tabular-nums;
}
`;
