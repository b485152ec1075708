import { describe, expect, it } from 'vitest';
import { parsePrefsRequest, parseSettingsChanged, sitePrefsKey } from '../../protocol/prefs-messages';
import {
  closeStorageToContentScripts,
  handlePrefsRequest,
  senderOrigin,
  type PrefsArea,
} from './prefs-handlers';

function memoryArea(): PrefsArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: data[key] } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('prefs messages', () => {
  it('accepts the four requests and refuses anything else', () => {
    expect(parsePrefsRequest({ type: 'settings-get' })).toEqual({ type: 'settings-get' });
    expect(parsePrefsRequest({ type: 'site-prefs-set', patch: { panel: { side: 'left' } } })).not.toBeNull();
    expect(
      parsePrefsRequest({ type: 'site-prefs-set', patch: { trustedOrigins: ['https://evil'] } }),
    ).toBeNull();
    expect(parsePrefsRequest({ type: 'settings-set', patch: { x: 'y'.repeat(5000) } })).toBeNull();
    expect(parsePrefsRequest({ type: 'settings-set', patch: [] })).toBeNull();
    expect(parsePrefsRequest({ type: 'get-tab-state', tabId: 1 })).toBeNull();
    expect(parseSettingsChanged({ type: 'settings-changed', settings: { theme: 'dark' } })).not.toBeNull();
    expect(parseSettingsChanged({ type: 'settings-changed' })).toBeNull();
  });
});

describe('handlePrefsRequest', () => {
  it('writes only normalized settings', async () => {
    const area = memoryArea();
    const next = (await handlePrefsRequest(
      { type: 'settings-set', patch: { theme: 'dark', viewRefreshHz: 1e9, trustedOrigins: ['x'] } },
      'https://a.test',
      area,
    )) as Record<string, unknown>;
    expect(next.theme).toBe('dark');
    expect(next.viewRefreshHz).toBe(30);
    expect(JSON.stringify(area.data)).not.toContain('trustedOrigins');
    expect(await handlePrefsRequest({ type: 'settings-get' }, null, area)).toEqual(next);
  });

  it('keys a layout by the sender origin and merges patches', async () => {
    const area = memoryArea();
    await handlePrefsRequest(
      { type: 'site-prefs-set', patch: { launcher: { x: 1 } } },
      'https://a.test',
      area,
    );
    await handlePrefsRequest({ type: 'site-prefs-set', patch: { panel: { w: 2 } } }, 'https://a.test', area);
    expect(area.data[sitePrefsKey('https://a.test')]).toEqual({ launcher: { x: 1 }, panel: { w: 2 } });
    expect(await handlePrefsRequest({ type: 'site-prefs-get' }, 'https://b.test', area)).toEqual({});
    expect(await handlePrefsRequest({ type: 'site-prefs-set', patch: {} }, null, area)).toEqual({
      ok: false,
    });
  });

  it('takes origins from sender URLs, none for opaque ones', () => {
    expect(senderOrigin('https://a.test:8443/x?y#z')).toBe('https://a.test:8443');
    expect(senderOrigin('about:blank')).toBeNull();
    expect(senderOrigin('data:text/html,x')).toBeNull();
    expect(senderOrigin(undefined)).toBeNull();
  });

  it('closes storage.local to content scripts where the browser can', async () => {
    const calls: unknown[] = [];
    expect(
      await closeStorageToContentScripts({ setAccessLevel: async (o: unknown) => void calls.push(o) }),
    ).toBe(true);
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    expect(await closeStorageToContentScripts({})).toBe(false);
  });
});

describe('the settings key', () => {
  it('is the one settings-store.ts uses', async () => {
    const { readFileSync } = await import('node:fs');
    const store = readFileSync(new URL('../settings/settings-store.ts', import.meta.url), 'utf8');
    expect(store).toContain("export const SETTINGS_KEY = 'settings';");
    const area = memoryArea();
    await handlePrefsRequest({ type: 'settings-set', patch: { theme: 'light' } }, null, area);
    expect(Object.keys(area.data)).toEqual(['settings']);
  });
});
