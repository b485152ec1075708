// The cost bound of one subscription: how often a page call is sampled (hz), how many readbacks may be in flight,
// and how many bytes a second may cross. Over budget, frames are dropped, never queued.

export interface BudgetLimits {
  maxInFlight: number;
  bytesPerSecond: number;
  hz: number;
}

export interface BudgetStats {
  sampledCalls: number;
  sent: number;
  dropped: number;
  bytes: number;
}

export class Budget {
  /** When the next call may be sampled: a schedule, so a 60 Hz page sampled at 10 Hz gets 10, not 60/7. */
  private nextDue = -Infinity;
  private tokens: number;
  private lastRefill: number;
  private inFlight = 0;
  readonly stats: BudgetStats = { sampledCalls: 0, sent: 0, dropped: 0, bytes: 0 };

  constructor(
    private readonly limits: BudgetLimits,
    private readonly now: () => number,
  ) {
    // A burst of up to one second's worth of bytes, so a slow rate still lets one big frame through now and then.
    this.tokens = limits.bytesPerSecond;
    this.lastRefill = now();
  }

  /** At the start of a page call: whether this call is sampled (at most `hz` calls a second). */
  sampleCall(): boolean {
    const t = this.now();
    const interval = 1000 / this.limits.hz;
    if (t + 1e-6 < this.nextDue) return false;
    if (this.inFlight >= this.limits.maxInFlight) return false;
    this.nextDue = t - this.nextDue > interval ? t + interval : this.nextDue + interval;
    this.stats.sampledCalls++;
    return true;
  }

  /** Reserves one readback of `bytes`; false (and the frame is dropped) when that would go over budget. */
  reserve(bytes: number): boolean {
    this.refill();
    // A frame bigger than a whole second's budget goes only with a full bucket, and then leaves it in debt.
    const affordable = bytes <= this.tokens || this.tokens >= this.limits.bytesPerSecond;
    if (this.inFlight >= this.limits.maxInFlight || !affordable) {
      this.stats.dropped++;
      return false;
    }
    this.tokens -= bytes;
    this.inFlight++;
    this.stats.bytes += bytes;
    return true;
  }

  /** A reserved readback finished (sent or failed). */
  release(sent: boolean): void {
    if (this.inFlight > 0) this.inFlight--;
    if (sent) this.stats.sent++;
  }

  get readbacksInFlight(): number {
    return this.inFlight;
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.lastRefill);
    this.lastRefill = t;
    this.tokens = Math.min(
      this.limits.bytesPerSecond,
      this.tokens + (elapsed / 1000) * this.limits.bytesPerSecond,
    );
  }
}
