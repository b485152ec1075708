// Rate limits for consent windows: however many share links a page forges (reload after reload), it gets a few
// windows per tab and per page origin, and only a few overall; the popup's own Review button is not limited.

export interface Limit {
  /** Most windows in any `windowMs` span. */
  max: number;
  windowMs: number;
}

export interface PromptLimits {
  perTab: Limit;
  perOrigin: Limit;
  overall: Limit;
}

export const PROMPT_LIMITS: PromptLimits = {
  perTab: { max: 2, windowMs: 60_000 },
  perOrigin: { max: 4, windowMs: 10 * 60_000 },
  overall: { max: 10, windowMs: 10 * 60_000 },
};

/** Keys kept at most (oldest forgotten first), so a page cannot grow the limiter's memory either. */
const MAX_KEYS = 256;

export type PromptLimitState = [string, number[]][];

/** Sliding-window counters per key; pure, with the clock passed in. */
export class PromptLimiter {
  private hits = new Map<string, number[]>();

  constructor(
    private readonly limits: PromptLimits = PROMPT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether one more window may open for this tab and page origin; records it when it may. A refused attempt is
   * not recorded, so the counts fall back as time passes.
   */
  take(tabId: number, pageOrigin: string): boolean {
    const now = this.now();
    const checks: [string, Limit][] = [
      [`tab:${tabId}`, this.limits.perTab],
      [`origin:${pageOrigin}`, this.limits.perOrigin],
      ['all', this.limits.overall],
    ];
    const recent = checks.map(([key, limit]) => this.recent(key, limit, now));
    if (checks.some(([, limit], i) => recent[i]!.length >= limit.max)) return false;
    checks.forEach(([key], i) => this.set(key, [...recent[i]!, now]));
    return true;
  }

  /** A closed tab's counter goes; origin and overall counts stay (a page cannot reset them by closing tabs). */
  forgetTab(tabId: number): void {
    this.hits.delete(`tab:${tabId}`);
  }

  toJSON(): PromptLimitState {
    return [...this.hits];
  }

  restore(data: unknown): void {
    if (!Array.isArray(data)) return;
    for (const entry of data.slice(-MAX_KEYS)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) continue;
      const times = (entry[1] as unknown[]).filter((t): t is number => typeof t === 'number' && isFinite(t));
      this.set(entry[0], times.slice(-16));
    }
  }

  private recent(key: string, limit: Limit, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > now - limit.windowMs && t <= now);
  }

  private set(key: string, times: number[]): void {
    this.hits.delete(key);
    this.hits.set(key, times);
    while (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
  }
}
