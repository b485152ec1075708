import { describe, expect, it } from 'vitest';
import {
  SITE_SCRIPT_IDS,
  siteScriptsFor,
  syncSiteScripts,
  type ContentScriptRegistration,
  type ScriptingLike,
} from './site-scripts';

class FakeScripting implements ScriptingLike {
  registered: ContentScriptRegistration[] = [];
  calls: string[] = [];
  async getRegisteredContentScripts(filter?: { ids?: string[] }) {
    return this.registered.filter((r) => !filter?.ids || filter.ids.includes(r.id));
  }
  async registerContentScripts(scripts: ContentScriptRegistration[]) {
    this.calls.push(`register ${scripts.map((s) => s.id).join(',')}`);
    this.registered.push(...scripts);
  }
  async unregisterContentScripts(filter?: { ids?: string[] }) {
    this.calls.push(`unregister ${filter?.ids?.join(',')}`);
    this.registered = this.registered.filter((r) => filter?.ids && !filter.ids.includes(r.id));
  }
}

describe('site scripts', () => {
  it('registers the hook in the MAIN world at document_start in all frames, and the relay', () => {
    const [hook, relay] = siteScriptsFor(['https://a.org/*']);
    expect(hook).toMatchObject({
      id: SITE_SCRIPT_IDS.hook,
      js: ['hook.js'],
      world: 'MAIN',
      runAt: 'document_start',
      allFrames: true,
    });
    expect(relay).toMatchObject({ id: SITE_SCRIPT_IDS.relay, js: ['content.js'], world: 'ISOLATED' });
  });

  it('syncs on grant, is idle when nothing changed, and removes everything on the last revoke', async () => {
    const scripting = new FakeScripting();
    expect(await syncSiteScripts(scripting, ['https://b.org/*', 'https://a.org/*'])).toEqual([
      'https://a.org/*',
      'https://b.org/*',
    ]);
    expect(await syncSiteScripts(scripting, ['https://a.org/*', 'https://b.org/*'])).toHaveLength(2);
    expect(scripting.calls).toEqual([`register ${SITE_SCRIPT_IDS.hook},${SITE_SCRIPT_IDS.relay}`]);
    await syncSiteScripts(scripting, ['https://a.org/*']);
    expect(scripting.registered.map((r) => r.matches)).toEqual([['https://a.org/*'], ['https://a.org/*']]);
    await syncSiteScripts(scripting, []);
    expect(scripting.registered).toEqual([]);
  });
});
