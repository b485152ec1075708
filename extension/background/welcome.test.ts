import { describe, expect, it } from 'vitest';
import { MemoryArea } from './packs/kv';
import { WELCOMED_KEY, welcomeOnFirstInstall } from './welcome';

describe('welcomeOnFirstInstall', () => {
  it('opens the page on a fresh install and remembers it', async () => {
    const area = new MemoryArea();
    let opened = 0;
    expect(await welcomeOnFirstInstall({ reason: 'install' }, area, async () => opened++, 42)).toBe(true);
    expect(opened).toBe(1);
    expect(area.snapshot()).toEqual({ [WELCOMED_KEY]: 42 });
  });

  it('does not open it again for a second "install" of the same profile, nor on updates', async () => {
    const area = new MemoryArea({ [WELCOMED_KEY]: 1 });
    let opened = 0;
    expect(await welcomeOnFirstInstall({ reason: 'install' }, area, async () => opened++)).toBe(false);
    const fresh = new MemoryArea();
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(await welcomeOnFirstInstall({ reason }, fresh, async () => opened++)).toBe(false);
    expect(opened).toBe(0);
    expect(fresh.snapshot()).toEqual({});
  });
});
