// A later piece of the overlay (renderer, KaTeX) that cannot load is said to the reader by the shell, in words, once:
// the pieces report here and the shell listens (both live in the same isolated world).
import { t } from '../../../extension/ui/i18n';
import { Listeners } from '../../../base/listeners';

type Listener = (message: string) => void;

const listeners = new Listeners<string>();
let last: string | null = null;

/** The overlay's pieces that load later, each named for the reader. */
const PARTS = { panel: 'loadPartPanel', math: 'loadPartMath', renderer: 'loadPartRenderer' } as const;
export type LoadPart = keyof typeof PARTS;

/** Says that `part` could not load, and why; shown by the shell while the panel is open. */
export function reportLoadError(part: LoadPart, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  last = t('loadError', t(PARTS[part]), reason);
  listeners.emit(last);
}

/** Calls `listener` with the last error (if any) and each new one, until `signal` aborts. */
export function onLoadError(listener: Listener, signal: AbortSignal): void {
  if (signal.aborted) return;
  listeners.add(listener, signal);
  if (last) listener(last);
}
