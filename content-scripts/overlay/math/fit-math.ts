// Display equations from packs (MathML) shrink to fit their box, down to a floor below which they scroll sideways;
// refit when the box resizes or KaTeX's fonts arrive. Each fit resets every equation to its natural size, measures
// them all, then sets them all: one layout, whatever the number of equations.

const MIN_SCALE = 0.75;

function typesetWidth(math: Element): number {
  const box = math.querySelector(':scope > semantics > :first-child') ?? math.firstElementChild;
  return box ? box.getBoundingClientRect().width : 0;
}

export function fitDisplayMath(container: Element, signal: AbortSignal): void {
  // MathML elements have inline styles in browsers (MathMLElement), not in every DOM (jsdom): skip those.
  const blocks = [...container.querySelectorAll<HTMLElement>('math[display="block"]')].filter((m) => m.style);
  if (blocks.length === 0) return;
  let frame = 0;
  const fit = () => {
    frame = 0;
    if (signal.aborted) return;
    for (const math of blocks) math.style.removeProperty('font-size');
    const plans = blocks.map((math) => ({
      math,
      width: typesetWidth(math),
      room: math.clientWidth,
      size: parseFloat(getComputedStyle(math).fontSize),
    }));
    for (const { math, width, room, size } of plans) {
      if (!(width > room - 4) || room <= 0 || !size) continue;
      math.style.fontSize = `${(size * Math.max(MIN_SCALE, (room - 4) / width)).toFixed(2)}px`;
    }
  };
  const later = () => {
    frame ||= requestAnimationFrame(fit);
  };
  later();
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
  observer?.observe(container);
  document.fonts?.addEventListener('loadingdone', later);
  signal.addEventListener(
    'abort',
    () => {
      if (frame) cancelAnimationFrame(frame);
      observer?.disconnect();
      document.fonts?.removeEventListener('loadingdone', later);
    },
    { once: true },
  );
}
