// "Enable Literate on this site": asks the browser for this site only (the browser's own prompt says what is
// granted); Literate then registers its scripts there, and the page needs one reload.

import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import { defaultMatches, siteAccessOf, type SiteAccess } from '../permissions/site-access';
import { ask, errorText } from '../ui/ask';

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
      if (!ok) return setMessage('Literate stays off on this site.');
      await ask({ type: 'sync-sites' });
      setGranted(true);
      setMessage('Literate is on for this site. Reload the page so it can see the model from the start.');
    } catch (error) {
      setMessage(`Could not enable Literate here: ${errorText(error)}`);
    }
  };
  const disable = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await ask({ type: 'sync-sites' }).catch(() => undefined);
    setAccess(await accessFor(tabId));
    setMessage('Literate is off for this site.');
  };
  const host = access.pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');

  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading">This site</h2>
      {access.kind === 'off' && !granted && (
        <>
          <p class="muted">
            Literate only runs on the TensorFlow.js demo sites until you enable it elsewhere. On {host} it
            would look for TensorFlow.js models on each page you open there; nothing is sent anywhere.
          </p>
          <button type="button" onClick={() => void enable(access.pattern)}>
            Enable Literate on this site
          </button>
        </>
      )}
      {(access.kind === 'granted' || granted) && (
        <>
          <p class="muted">Literate is enabled on {host}.</p>
          {granted ? (
            <button type="button" onClick={() => void browser.tabs.reload(tabId).then(() => window.close())}>
              Reload the page
            </button>
          ) : (
            <button type="button" class="secondary" onClick={() => void disable(access.pattern)}>
              Turn off on this site
            </button>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
