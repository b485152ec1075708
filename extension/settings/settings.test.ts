import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, normalizeSettings, tapBudgetOf } from './settings';

describe('settings', () => {
  it('fills defaults for missing or damaged storage', () => {
    for (const v of [undefined, null, 'x', [], { theme: 'neon', viewRefreshHz: 'fast' }])
      expect(normalizeSettings(v)).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps numbers into range and rounds them', () => {
    expect(normalizeSettings({ viewRefreshHz: 1000, dataBudgetKBps: 1, updateHours: 2.6 })).toMatchObject({
      viewRefreshHz: 30,
      dataBudgetKBps: 16,
      updateHours: 3,
    });
  });

  it('keeps a launcher position inside the viewport and resets it with null', () => {
    const moved = applySettingsPatch(DEFAULT_SETTINGS, { launcherPosition: { x: 1.5, y: -1 } });
    expect(moved.launcherPosition).toEqual({ x: 1, y: 0 });
    expect(applySettingsPatch(moved, { launcherPosition: null }).launcherPosition).toBeNull();
  });

  it('runs checks on load only when the reader turned it on (a boolean, nothing else)', () => {
    expect(DEFAULT_SETTINGS.runChecksOnLoad).toBe(false);
    expect(normalizeSettings({ runChecksOnLoad: 'yes' }).runChecksOnLoad).toBe(false);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { runChecksOnLoad: true }).runChecksOnLoad).toBe(true);
  });

  it('turns the data budget into a tap budget', () => {
    expect(tapBudgetOf({ ...DEFAULT_SETTINGS, dataBudgetKBps: 100, viewRefreshHz: 5 })).toEqual({
      maxInFlight: 2,
      bytesPerSecond: 102_400,
      hz: 5,
    });
  });
});
