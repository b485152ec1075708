// Display equations from packs (MathML) shrink to fit their box, down to a floor below which they scroll sideways;
// refit when the box resizes or KaTeX's fonts arrive. The natural width is derived from the current one, so fitting
// converges in one step and never oscillates.

const MIN_SCALE = 0.7;

function typesetWidth(math: Element): number {
  const box = math.querySelector(':scope > semantics > :first-child') ?? math.firstElementChild;
  return box ? box.getBoundingClientRect().width : 0;
}

export function fitDisplayMath(container: Element, signal: AbortSignal): void {
  const blocks = [...container.querySelectorAll<HTMLElement>('math[display="block"]')];
  if (blocks.length === 0) return;
  let frame = 0;
  const fit = () => {
    frame = 0;
    if (signal.aborted) return;
    // Read everything, then write.
    const plans = blocks.map((math) => {
      const current = parseFloat(getComputedStyle(math).fontSize);
      const base = Number(math.dataset.ltBase) || current;
      const width = typesetWidth(math);
      const room = math.clientWidth; // block math spans its container
      if (!(width > 0) || room <= 0 || !current) return null;
      const natural = (width * base) / current;
      const size = base * Math.max(MIN_SCALE, Math.min(1, (room - 4) / natural));
      return { math, base, size, current };
    });
    for (const plan of plans) {
      if (!plan) continue;
      plan.math.dataset.ltBase = String(plan.base);
      if (Math.abs(plan.size - plan.current) > 0.2) plan.math.style.fontSize = `${plan.size}px`;
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
