// Escape inside a section stops its slow work (a sensitivity map, a comparison) before anything else hears it —
// the panel would close on it — and only while that work runs and focus is in the section.

import { useEffect } from 'preact/hooks';

export function useEscapeWhile(
  active: boolean,
  within: { current: Element | null },
  onEscape: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    const on = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !within.current || !e.composedPath().includes(within.current)) return;
      e.preventDefault();
      e.stopPropagation();
      onEscape();
    };
    document.addEventListener('keydown', on, true);
    return () => document.removeEventListener('keydown', on, true);
  }, [active]);
}
