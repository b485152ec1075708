// Applies the reader's theme setting to an extension page (auto follows the system through CSS).

import { readSettings, watchSettings } from '../settings/settings-store';

export async function applyTheme(
  root: HTMLElement,
  signal: AbortSignal = new AbortController().signal,
): Promise<void> {
  const set = (theme: string) => {
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
  };
  set((await readSettings().catch(() => ({ theme: 'auto' }))).theme);
  watchSettings((s) => set(s.theme), signal);
}
