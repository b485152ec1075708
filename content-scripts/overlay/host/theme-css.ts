// The overlay's base stylesheet: a hard reset at the shadow boundary (so no page style leaks in), the colour theme
// for light and dark (the system's, or the reader's choice in settings: data-theme), focus rings, and reduced
// motion. Sizes are in px: `rem` would follow the page's root font.

export const THEME_CSS = String.raw`
:host {
  all: initial !important;
  display: contents !important;
}
.lt {
  all: initial;
  --bg: #ffffff;
  --bg-subtle: #f5f6f8;
  --bg-hover: #eef1f6;
  --fg: #1a1d24;
  --fg-muted: #566070;
  --line: #e3e6ec;
  --line-strong: #cfd4dd;
  --accent: #3b5bdb;
  --accent-strong: #2f4ac0;
  --accent-fg: #ffffff;
  --accent-soft: #edf1ff;
  --warn: #8a5300;
  --warn-soft: #fff1d6;
  --note-bg: #ffffff;
  --ring-halo: rgba(59, 91, 219, 0.18);
  --shadow: 0 12px 32px rgba(20, 26, 40, 0.14), 0 2px 6px rgba(20, 26, 40, 0.08);
  --chip-l-bg: 94%;
  --chip-l-fg: 30%;
  --chip-s: 70%;
  --mono: ui-monospace, 'SF Mono', 'Cascadia Mono', 'Roboto Mono', Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --speed: 160ms;
  color-scheme: light;
  font: 400 14px/1.5 var(--sans);
  color: var(--fg);
  letter-spacing: normal;
  text-align: left;
  direction: ltr;
  -webkit-font-smoothing: antialiased;
}
@media (prefers-color-scheme: dark) {
  .lt:not([data-theme='light']) {
    --bg: #15181e;
    --bg-subtle: #1c2029;
    --bg-hover: #232835;
    --fg: #e8eaf0;
    --fg-muted: #a1a9b8;
    --line: #2a303c;
    --line-strong: #3a4252;
    --accent: #91a7ff;
    --accent-strong: #b3c2ff;
    --accent-fg: #0f1326;
    --accent-soft: #222a45;
    --warn: #f2c46b;
    --warn-soft: #3a2f16;
    --note-bg: #1a1e26;
    --ring-halo: rgba(145, 167, 255, 0.22);
    --shadow: 0 12px 32px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.4);
    --chip-l-bg: 22%;
    --chip-l-fg: 82%;
    --chip-s: 45%;
    color-scheme: dark;
  }
}
.lt[data-theme='dark'] {
  --bg: #15181e;
  --bg-subtle: #1c2029;
  --bg-hover: #232835;
  --fg: #e8eaf0;
  --fg-muted: #a1a9b8;
  --line: #2a303c;
  --line-strong: #3a4252;
  --accent: #91a7ff;
  --accent-strong: #b3c2ff;
  --accent-fg: #0f1326;
  --accent-soft: #222a45;
  --warn: #f2c46b;
  --warn-soft: #3a2f16;
  --note-bg: #1a1e26;
  --ring-halo: rgba(145, 167, 255, 0.22);
  --shadow: 0 12px 32px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.4);
  --chip-l-bg: 22%;
  --chip-l-fg: 82%;
  --chip-s: 45%;
  color-scheme: dark;
}
@media (prefers-reduced-motion: reduce) {
  .lt {
    --speed: 0ms;
  }
  .lt *,
  .lt *::before,
  .lt *::after {
    animation: none !important;
    transition: none !important;
    scroll-behavior: auto !important;
  }
}
.lt *,
.lt *::before,
.lt *::after {
  box-sizing: border-box;
}
.lt :focus {
  outline: none;
}
.lt :focus-visible {
  outline: 2px solid var(--accent);
  outline-offset: 2px;
  border-radius: 6px;
}
.lt button {
  font: inherit;
  color: inherit;
  background: none;
  border: 0;
  margin: 0;
  padding: 0;
  cursor: pointer;
  text-align: inherit;
}
.lt input {
  font: inherit;
  color: inherit;
  margin: 0;
}
.lt h2,
.lt h3,
.lt h4,
.lt p,
.lt ol,
.lt ul,
.lt dl,
.lt dd,
.lt figure {
  margin: 0;
  padding: 0;
}
.lt ol,
.lt ul {
  list-style: none;
}
.lt .sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.lt .muted {
  color: var(--fg-muted);
}
.lt .mono {
  font-family: var(--mono);
  font-size: 12.5px;
}
.lt .num {
  font-variant-numeric: tabular-nums;
}
.lt .chip {
  --h: 220;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 1px 7px;
  border-radius: 999px;
  font: 500 11.5px/18px var(--sans);
  white-space: nowrap;
  background: hsl(var(--h) var(--chip-s) var(--chip-l-bg));
  color: hsl(var(--h) 60% var(--chip-l-fg));
}
.lt .chip[data-family='input'] { --h: 210; }
.lt .chip[data-family='constant'] { --h: 215; --chip-s: 12%; }
.lt .chip[data-family='convolution'] { --h: 222; }
.lt .chip[data-family='dense'] { --h: 265; }
.lt .chip[data-family='activation'] { --h: 32; }
.lt .chip[data-family='normalization'] { --h: 175; }
.lt .chip[data-family='pooling'] { --h: 140; }
.lt .chip[data-family='reshape'] { --h: 215; --chip-s: 14%; }
.lt .chip[data-family='merge'] { --h: 330; }
.lt .chip[data-family='arithmetic'] { --h: 200; --chip-s: 30%; }
.lt .chip[data-family='reduction'] { --h: 155; }
.lt .chip[data-family='regularization'] { --h: 0; --chip-s: 14%; }
.lt .chip[data-family='recurrent'] { --h: 12; }
.lt .chip[data-family='embedding'] { --h: 190; }
.lt .chip[data-family='resize'] { --h: 95; }
.lt .chip[data-family='model'] { --h: 290; }
.lt .chip[data-family='other'] { --h: 215; --chip-s: 10%; }
.lt .icon {
  width: 16px;
  height: 16px;
  flex: none;
  fill: none;
  stroke: currentColor;
  stroke-width: 1.8;
  stroke-linecap: round;
  stroke-linejoin: round;
}
`;
