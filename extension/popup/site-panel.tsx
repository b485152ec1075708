// "Enable Literate on this site": asks the browser for this site only (the browser's own prompt says what is
// granted); Literate then registers its scripts there, and the page needs one reload.

import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import { defaultMatches, siteAccessOf, type SiteAccess } from '../permissions/site-access';
import { ask, errorText } from '../ui/ask';
import { t } from '../ui/i18n';

async function accessFor(tabId: number): Promise<SiteAccess> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const manifest = browser.runtime.getManifest() as { content_scripts?: { matches?: string[] }[] };
  const defaults = defaultMatches(manifest);
  return siteAccessOf(tab?.url, defaults, (await browser.permissions.getAll()).origins ?? []);
}

export function SitePanel({ tabId }: { tabId: number }) {
  const [access, setAccess] = useState<SiteAccess | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [granted, setGranted] = useState(false);
  useEffect(() => {
    void accessFor(tabId).then(setAccess, () => setAccess({ kind: 'unsupported' }));
  }, [tabId]);
  if (!access || access.kind === 'unsupported' || access.kind === 'default') return null;

  const enable = async (pattern: string) => {
    try {
      // Must run in the click's user gesture: no await before it.
      const ok = await browser.permissions.request({ origins: [pattern] });
      if (!ok) return setMessage(t('siteStaysOff'));
      await ask({ type: 'sync-sites' });
      setGranted(true);
      setMessage(t('siteNowOn'));
    } catch (error) {
      setMessage(t('siteCouldNotEnable', errorText(error)));
    }
  };
  const disable = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await ask({ type: 'sync-sites' }).catch(() => undefined);
    setAccess(await accessFor(tabId));
    setMessage(t('siteNowOff'));
  };
  const host = access.pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');

  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading">{t('siteHeading')}</h2>
      {access.kind === 'off' && !granted && (
        <>
          <p class="muted">{t('siteOffExplain', host)}</p>
          <button type="button" onClick={() => void enable(access.pattern)}>
            {t('siteEnable')}
          </button>
        </>
      )}
      {(access.kind === 'granted' || granted) && (
        <>
          <p class="muted">{t('siteEnabledOn', host)}</p>
          {granted ? (
            <button type="button" onClick={() => void browser.tabs.reload(tabId).then(() => window.close())}>
              {t('siteReload')}
            </button>
          ) : (
            <button type="button" class="secondary" onClick={() => void disable(access.pattern)}>
              {t('siteTurnOff')}
            </button>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
