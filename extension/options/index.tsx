// The options page: packs and sources, where Literate runs, settings, diagnostics. With `?consent=<id>` it is the
// prompt that asks before a pack from a share link loads; with `?confirm-edit=<id>`, the one that asks before an
// edited copy from the overlay's authoring mode is kept.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import type { PacksAdminView } from '../../protocol/packs-messages';
import { ask, errorText } from '../ui/ask';
import { localizeDocument, t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { Consent } from './consent';
import { ConfirmEdit } from './confirm-edit';
import { AccessPanel, DiagnosticsPanel } from './diagnostics-panel';
import { SettingsPanel } from './settings-panel';
import { SourcesPanel } from './sources-panel';

function Options() {
  const manifest = browser.runtime.getManifest();
  const [admin, setAdmin] = useState<PacksAdminView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    void ask({ type: 'get-packs-admin' }).then(setAdmin, (e: unknown) => setError(errorText(e)));
  useEffect(() => {
    load();
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local') load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  return (
    <>
      <h1>
        <img src="icons/icon-32.png" width={24} height={24} alt="" />
        {t('optionsHeading')}
      </h1>
      <p>{t('optionsIntro', manifest.version)}</p>
      {error && (
        <p class="warn" role="alert">
          {t('optionsCouldNotRead', error)}
        </p>
      )}
      {admin && <SourcesPanel admin={admin} onChange={load} />}
      {admin && <AccessPanel admin={admin} onChange={load} />}
      <SettingsPanel />
      <DiagnosticsPanel notes={admin?.notes ?? []} />
    </>
  );
}

const consentId = new URLSearchParams(location.search).get('consent');
const editId = new URLSearchParams(location.search).get('confirm-edit');
localizeDocument();
void applyTheme(document.documentElement);
if (consentId || editId) {
  document.title = consentId ? t('consentTitle') : t('confirmEditTitle');
  document.body.classList.add('consent');
}
render(
  consentId ? <Consent id={consentId} /> : editId ? <ConfirmEdit id={editId} /> : <Options />,
  document.getElementById('app')!,
);
