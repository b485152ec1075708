// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { PageShift } from './page-shift';

const html = document.documentElement;

afterEach(() => html.removeAttribute('style'));

describe('PageShift (side by side)', () => {
  it('makes room on the panel’s side with !important and gives the page back exactly what it had', () => {
    const shift = new PageShift(html);
    shift.set('right', 420);
    expect(html.style.getPropertyValue('margin-right')).toBe('420px');
    expect(html.style.getPropertyPriority('margin-right')).toBe('important');
    shift.set('left', 380);
    expect(html.style.getPropertyValue('margin-right')).toBe('');
    expect(html.style.getPropertyValue('margin-left')).toBe('380px');
    shift.set(null, 0);
    expect(html.hasAttribute('style')).toBe(false);
    expect(shift.active).toBe(false);
  });

  it('restores the page’s own inline value and priority', () => {
    html.setAttribute('style', 'margin-bottom: 3px; color: red');
    const shift = new PageShift(html);
    shift.set('bottom', 300);
    expect(html.style.getPropertyValue('margin-bottom')).toBe('300px');
    shift.restore();
    expect(html.getAttribute('style')).toBe('margin-bottom: 3px; color: red');
  });

  it('leaves alone a value the page set itself meanwhile', () => {
    const shift = new PageShift(html);
    shift.set('right', 420);
    html.style.setProperty('margin-right', '10px');
    shift.restore();
    expect(html.style.getPropertyValue('margin-right')).toBe('10px');
  });

  it('fits: the least room with which the content clears the panel, for centred and fluid columns', () => {
    const margin = (side: string) => parseFloat(html.style.getPropertyValue(`margin-${side}`)) || 0;
    // A 1040 px column centred in what the page has left of a 1280 px viewport (fluid once it no longer fits).
    const centred = () => {
      const room = 1280 - margin('right') - margin('left');
      const width = Math.min(1040, room);
      const left = margin('left') + (room - width) / 2;
      return { left, right: left + width };
    };
    const shift = new PageShift(html);
    expect(shift.fit('right', 420, 1280, centred)).toBe(420);
    expect(centred().right).toBeLessThanOrEqual(860);
    // A narrower panel only needs part of its width: the column moves by half the margin while centred.
    expect(shift.fit('right', 200, 1280, centred)).toBeLessThan(200);
    expect(centred().right).toBeLessThanOrEqual(1080.5);
    expect(centred().right).toBeGreaterThan(1075);
    // Content that already clears the panel: no room made at all, the page's style untouched.
    expect(shift.fit('left', 100, 1280, centred)).toBe(0);
    expect(html.hasAttribute('style')).toBe(false);
    // Nothing measurable: the whole width.
    expect(shift.fit('left', 300, 1280, () => null)).toBe(300);
    expect(margin('left')).toBe(300);
  });

  it('makes the root the containing block when the content is positioned against the viewport', () => {
    const margin = () => parseFloat(html.style.getPropertyValue('margin-right')) || 0;
    // Absolutely positioned at 100..1200: only moves (fluid) once <html> is positioned.
    const absolute = () =>
      html.style.getPropertyValue('position') === 'relative'
        ? { left: 100, right: 1200 - margin() }
        : { left: 100, right: 1200 };
    const shift = new PageShift(html);
    expect(shift.fit('right', 420, 1280, absolute)).toBe(340);
    expect(html.style.getPropertyValue('position')).toBe('relative');
    expect(html.style.getPropertyPriority('position')).toBe('important');
    shift.restore();
    expect(html.hasAttribute('style')).toBe(false);
  });
});
