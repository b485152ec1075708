// Reader settings (theme, view refresh rate, data budget, launcher position, update interval, checks on load): the
// type, defaults and a tolerant normalizer. Pure; storage access is in settings-store.ts.

export type Theme = 'auto' | 'light' | 'dark';

export interface LauncherPosition {
  /** Fractions of the viewport (0–1), so a position survives window resizes. */
  x: number;
  y: number;
}

export interface Settings {
  theme: Theme;
  /** How often live layer views redraw, per second. */
  viewRefreshHz: number;
  /** Live values the overlay may read back from the page, in KiB per second. */
  dataBudgetKBps: number;
  /** Where the reader dragged the launcher; null = the default corner. */
  launcherPosition: LauncherPosition | null;
  /** How often subscribed packs and registries are checked for updates, in hours. */
  updateHours: number;
  /** Run a pack's checks (which probe the page's model) as soon as it loads, not only when the reader asks. */
  runChecksOnLoad: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'auto',
  viewRefreshHz: 4,
  dataBudgetKBps: 512,
  launcherPosition: null,
  updateHours: 12,
  runChecksOnLoad: false,
});

export const SETTINGS_RANGES = {
  viewRefreshHz: { min: 1, max: 30 },
  dataBudgetKBps: { min: 16, max: 16_384 },
  updateHours: { min: 1, max: 168 },
} as const;

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

function clampNumber(v: unknown, range: { min: number; max: number }, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(v)));
}

function position(v: unknown): LauncherPosition | null {
  if (typeof v !== 'object' || v === null) return null;
  const { x, y } = v as Record<string, unknown>;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return null;
  return { x: Math.min(1, Math.max(0, x)), y: Math.min(1, Math.max(0, y)) };
}

/** Whatever storage holds → valid settings (unknown fields dropped, numbers clamped, defaults filled in). */
export function normalizeSettings(v: unknown): Settings {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  return {
    theme: THEMES.find((t) => t === o.theme) ?? DEFAULT_SETTINGS.theme,
    viewRefreshHz: clampNumber(
      o.viewRefreshHz,
      SETTINGS_RANGES.viewRefreshHz,
      DEFAULT_SETTINGS.viewRefreshHz,
    ),
    dataBudgetKBps: clampNumber(
      o.dataBudgetKBps,
      SETTINGS_RANGES.dataBudgetKBps,
      DEFAULT_SETTINGS.dataBudgetKBps,
    ),
    launcherPosition: position(o.launcherPosition),
    updateHours: clampNumber(o.updateHours, SETTINGS_RANGES.updateHours, DEFAULT_SETTINGS.updateHours),
    runChecksOnLoad:
      typeof o.runChecksOnLoad === 'boolean' ? o.runChecksOnLoad : DEFAULT_SETTINGS.runChecksOnLoad,
  };
}

export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  return normalizeSettings({ ...current, ...patch });
}

/** The tap budget the overlay passes to ContentApi.subscribe, from the reader's settings. */
export function tapBudgetOf(settings: Settings): { maxInFlight: number; bytesPerSecond: number; hz: number } {
  return { maxInFlight: 2, bytesPerSecond: settings.dataBudgetKBps * 1024, hz: settings.viewRefreshHz };
}
