// A later piece of the overlay (renderer, KaTeX) that cannot load is said to the reader by the shell, in words, once:
// the pieces report here and the shell listens (both live in the same isolated world).
import { Listeners } from '../../../base/listeners';

type Listener = (message: string) => void;

const listeners = new Listeners<string>();
let last: string | null = null;

/** Says that `what` could not load, and why; shown by the shell while the panel is open. */
export function reportLoadError(what: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  last = `Literate could not load ${what} (${reason}). Reload the page to try again; if it keeps failing, reload the extension.`;
  listeners.emit(last);
}

/** Calls `listener` with the last error (if any) and each new one, until `signal` aborts. */
export function onLoadError(listener: Listener, signal: AbortSignal): void {
  if (signal.aborted) return;
  listeners.add(listener, signal);
  if (last) listener(last);
}
