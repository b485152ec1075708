// Options: the reader's settings (theme, live view refresh rate, data budget, update interval, checks on load,
// launcher position), saved as they change and read by the overlay through the settings module.

import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, SETTINGS_RANGES, type Settings, type Theme } from '../settings/settings';
import { readSettings, watchSettings, writeSettings } from '../settings/settings-store';
import { t } from '../ui/i18n';

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
        {props.unit} {t('settingsRange', props.range.min, props.range.max)}
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
  const save = (patch: Partial<Settings>, what = t('settingsSaved')) =>
    void writeSettings(patch).then((s) => {
      setSettings(s);
      setSaved(what);
    });

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <p>
        <label>
          {t('settingsTheme')}{' '}
          <select
            id="theme"
            value={settings.theme}
            onChange={(e) => save({ theme: (e.currentTarget as HTMLSelectElement).value as Theme })}
          >
            <option value="auto">{t('settingsThemeAuto')}</option>
            <option value="light">{t('settingsThemeLight')}</option>
            <option value="dark">{t('settingsThemeDark')}</option>
          </select>
        </label>
      </p>
      <NumberField
        id="refresh"
        label={t('settingsRefreshLabel')}
        unit={t('settingsRefreshUnit')}
        value={settings.viewRefreshHz}
        range={SETTINGS_RANGES.viewRefreshHz}
        onSave={(n) => save({ viewRefreshHz: n })}
      />
      <NumberField
        id="budget"
        label={t('settingsBudgetLabel')}
        unit={t('settingsBudgetUnit')}
        value={settings.dataBudgetKBps}
        range={SETTINGS_RANGES.dataBudgetKBps}
        onSave={(n) => save({ dataBudgetKBps: n })}
      />
      <NumberField
        id="update-hours"
        label={t('settingsUpdateLabel')}
        unit={t('settingsUpdateUnit')}
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
          {t('settingsRunChecks')}
        </label>{' '}
        <span class="muted">{t('settingsRunChecksNote')}</span>
      </p>
      <p>
        <button
          type="button"
          class="secondary"
          disabled={settings.launcherPosition === null}
          onClick={() => save({ launcherPosition: null }, t('settingsLauncherBack'))}
        >
          {t('settingsResetLauncher')}
        </button>
      </p>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
