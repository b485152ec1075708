// One probe in flight at a time, the latest request wins (pure, timers injectable): while a run is going, newer
// requests replace each other and only the last one runs next; a short debounce gathers a slider's drag.

export interface LatestWinsOptions {
  debounceMs: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export class LatestWins<T, R> {
  private pending: { value: T } | null = null;
  private running = false;
  private timer: unknown = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (id: unknown) => void;
  /** Runs started, for the reader ("12 runs") and for tests. */
  runs = 0;

  constructor(
    private readonly work: (value: T) => Promise<R>,
    private readonly onDone: (value: T, result: R | null, error: unknown) => void,
    private readonly options: LatestWinsOptions,
  ) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  }

  /** Asks for a run with `value` (replacing any request not yet started). */
  request(value: T): void {
    this.pending = { value };
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.pump();
    }, this.options.debounceMs);
  }

  /** Drops any request not yet started (a run under way still finishes and reports). */
  cancel(): void {
    this.pending = null;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  get busy(): boolean {
    return this.running || this.pending !== null;
  }

  private pump(): void {
    if (this.running || !this.pending) return;
    const { value } = this.pending;
    this.pending = null;
    this.running = true;
    this.runs++;
    this.work(value).then(
      (result) => this.finish(value, result, null),
      (error: unknown) => this.finish(value, null, error ?? new Error('failed')),
    );
  }

  private finish(value: T, result: R | null, error: unknown): void {
    this.running = false;
    // A newer request came while this one ran: this result is already stale; report it only when none is waiting.
    if (!this.pending || this.timer !== null) this.onDone(value, result, error);
    if (this.timer === null) this.pump();
  }
}
