// Options: the reader's settings (theme, live view refresh rate, data budget, update interval, checks on load,
// launcher position), saved as they change and read by the overlay through the settings module.

import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, SETTINGS_RANGES, type Settings, type Theme } from '../settings/settings';
import { readSettings, watchSettings, writeSettings } from '../settings/settings-store';

function NumberField(props: {
  id: string;
  label: string;
  unit: string;
  value: number;
  range: { min: number; max: number };
  onSave: (n: number) => void;
}) {
  return (
    <p>
      <label for={props.id}>{props.label}</label>{' '}
      <input
        id={props.id}
        type="number"
        min={props.range.min}
        max={props.range.max}
        value={props.value}
        onChange={(e) => props.onSave(Number((e.currentTarget as HTMLInputElement).value))}
      />{' '}
      <span class="muted">
        {props.unit} ({props.range.min}–{props.range.max})
      </span>
    </p>
  );
}

export function SettingsPanel() {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void readSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  const save = (patch: Partial<Settings>, what = 'Saved.') =>
    void writeSettings(patch).then((s) => {
      setSettings(s);
      setSaved(what);
    });

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p>
        <label>
          Theme of the explanations{' '}
          <select
            id="theme"
            value={settings.theme}
            onChange={(e) => save({ theme: (e.currentTarget as HTMLSelectElement).value as Theme })}
          >
            <option value="auto">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </p>
      <NumberField
        id="refresh"
        label="Live views redraw"
        unit="times a second"
        value={settings.viewRefreshHz}
        range={SETTINGS_RANGES.viewRefreshHz}
        onSave={(n) => save({ viewRefreshHz: n })}
      />
      <NumberField
        id="budget"
        label="Live values may read up to"
        unit="KiB a second from the page"
        value={settings.dataBudgetKBps}
        range={SETTINGS_RANGES.dataBudgetKBps}
        onSave={(n) => save({ dataBudgetKBps: n })}
      />
      <NumberField
        id="update-hours"
        label="Check subscribed packs for updates every"
        unit="hours"
        value={settings.updateHours}
        range={SETTINGS_RANGES.updateHours}
        onSave={(n) => save({ updateHours: n })}
      />
      <p>
        <label>
          <input
            id="run-checks-on-load"
            type="checkbox"
            checked={settings.runChecksOnLoad}
            onChange={(e) => save({ runChecksOnLoad: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          Run a pack's checks when it loads
        </label>{' '}
        <span class="muted">
          (otherwise they run when you press “Run all checks”; they run the page's model)
        </span>
      </p>
      <p>
        <button
          type="button"
          class="secondary"
          disabled={settings.launcherPosition === null}
          onClick={() => save({ launcherPosition: null }, 'The launcher is back in its corner.')}
        >
          Reset the launcher position
        </button>
      </p>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
