import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveManifest, GECKO_ID } from './manifests';

const source = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));

describe('deriveManifest', () => {
  it('keeps the service worker for Chrome and sets the minimum version that has MAIN-world scripts', () => {
    const chrome = deriveManifest(source, 'chrome');
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.minimum_chrome_version).toBe('111');
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox a background.scripts fallback and a gecko id', () => {
    const firefox = deriveManifest(source, 'firefox') as any;
    expect(firefox.background.scripts).toEqual(['background.js']);
    expect(firefox.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('128.0');
    expect(firefox.minimum_chrome_version).toBeUndefined();
  });

  it('runs the hook in the MAIN world at document_start in all frames', () => {
    const [hook, relay] = source.content_scripts;
    expect(hook).toMatchObject({
      js: ['hook.js'],
      world: 'MAIN',
      run_at: 'document_start',
      all_frames: true,
    });
    expect(relay).toMatchObject({ js: ['content.js'], run_at: 'document_start', all_frames: true });
    expect(relay.world).toBeUndefined();
  });

  it('does not change its input', () => {
    const before = JSON.stringify(source);
    deriveManifest(source, 'firefox', '9.9.9');
    expect(JSON.stringify(source)).toBe(before);
  });
});
