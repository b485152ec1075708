// Dynamic content scripts for the sites a reader enabled: the hook in the MAIN world at document_start in all
// frames, and the relay, registered for exactly the granted origins; re-synced on startup and on every grant/revoke.

export const SITE_SCRIPT_IDS = { hook: 'literate-site-hook', relay: 'literate-site-relay' } as const;

export interface ContentScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: true;
  world?: 'MAIN' | 'ISOLATED';
  persistAcrossSessions: false;
}

export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

/** The registrations for a set of granted origins (none when there are none). */
export function siteScriptsFor(origins: readonly string[]): ContentScriptRegistration[] {
  if (origins.length === 0) return [];
  const matches = [...origins].sort();
  return [
    {
      id: SITE_SCRIPT_IDS.hook,
      matches,
      js: ['hook.js'],
      runAt: 'document_start',
      allFrames: true,
      world: 'MAIN',
      persistAcrossSessions: false,
    },
    {
      id: SITE_SCRIPT_IDS.relay,
      matches,
      js: ['content.js'],
      runAt: 'document_start',
      allFrames: true,
      world: 'ISOLATED',
      persistAcrossSessions: false,
    },
  ];
}

/** Makes the registered site scripts match `origins`; returns the origins now registered. */
export async function syncSiteScripts(
  scripting: ScriptingLike,
  origins: readonly string[],
): Promise<string[]> {
  const ids = Object.values(SITE_SCRIPT_IDS);
  const wanted = siteScriptsFor(origins);
  const current = await scripting.getRegisteredContentScripts({ ids });
  const same =
    current.length === wanted.length &&
    wanted.every((w) => {
      const c = current.find((x) => x.id === w.id);
      return c && JSON.stringify([...(c.matches ?? [])].sort()) === JSON.stringify(w.matches);
    });
  if (same) return wanted[0]?.matches ?? [];
  if (current.length > 0) await scripting.unregisterContentScripts({ ids: current.map((c) => c.id) });
  if (wanted.length > 0) await scripting.registerContentScripts(wanted);
  return wanted[0]?.matches ?? [];
}
