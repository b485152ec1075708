// Why: a page can time the reader's clicks (double-click here, now) so that one lands on a window Literate just
// opened. Like the browsers' own permission prompts, a consent button is armed only after the window has been
// visible and focused for a short while, and disarmed again whenever it loses focus or is hidden.

export const INPUT_DELAY_MS = 750;

export interface DelayHost {
  /** Whether the window is visible and has focus now. */
  shown(): boolean;
  /** Subscribes to focus, blur and visibility changes; returns the unsubscribe. */
  watch(changed: () => void): () => void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Arms `onChange(true)` once the window has stayed shown for `ms`; `onChange(false)` as soon as it is not. */
export class InputDelay {
  private timer: unknown = null;
  private armed = false;
  private readonly unwatch: () => void;

  constructor(
    private readonly host: DelayHost,
    private readonly onChange: (armed: boolean) => void,
    private readonly ms = INPUT_DELAY_MS,
  ) {
    this.unwatch = host.watch(() => this.update());
    this.update();
  }

  get ready(): boolean {
    return this.armed;
  }

  stop(): void {
    this.unwatch();
    if (this.timer !== null) this.host.clearTimeout(this.timer);
    this.timer = null;
  }

  private update(): void {
    if (!this.host.shown()) {
      if (this.timer !== null) this.host.clearTimeout(this.timer);
      this.timer = null;
      this.set(false);
      return;
    }
    if (this.armed || this.timer !== null) return;
    this.timer = this.host.setTimeout(() => {
      this.timer = null;
      if (this.host.shown()) this.set(true);
    }, this.ms);
  }

  private set(armed: boolean): void {
    if (armed === this.armed) return;
    this.armed = armed;
    this.onChange(armed);
  }
}

/** The real window: visible (`document.visibilityState`) and focused (`document.hasFocus()`). */
export function windowDelayHost(win: Window = window): DelayHost {
  const doc = win.document;
  return {
    shown: () => doc.visibilityState === 'visible' && doc.hasFocus(),
    watch: (changed) => {
      const stop = new AbortController();
      for (const type of ['focus', 'blur', 'pageshow', 'pagehide'])
        win.addEventListener(type, changed, { signal: stop.signal });
      doc.addEventListener('visibilitychange', changed, { signal: stop.signal });
      return () => stop.abort();
    },
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
  };
}
