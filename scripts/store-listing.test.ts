// The store listing (store/listing.json) against the manifest and the stores' limits: a justification for every
// permission the manifest asks for and none for one it does not, and text within what the stores accept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const listing = read('store/listing.json') as {
  name: string;
  summary: string;
  description: string[];
  permissions: Record<string, string>;
  screenshots: { file: string; caption: string }[];
};
const manifest = read('manifest.json') as {
  name: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
};

const messages = read('extension/_locales/en/messages.json') as Record<string, { message: string }>;
/** `__MSG_extName__` → the English message (the manifest's name is localised). */
const english = (text: string) => text.replace(/^__MSG_(\w+)__$/, (_, key: string) => messages[key]!.message);

describe('store/listing.json', () => {
  it('names the extension as its manifest does, with a summary of at most 132 characters', () => {
    expect(listing.name).toBe(english(manifest.name));
    expect(listing.name.length).toBeLessThanOrEqual(75);
    expect(listing.summary.length).toBeGreaterThan(20);
    expect(listing.summary.length).toBeLessThanOrEqual(132);
    expect(listing.description.join('\n\n').length).toBeLessThanOrEqual(16_000);
  });

  it('justifies exactly the permissions the manifest asks for', () => {
    const asked = [
      ...manifest.permissions,
      ...manifest.host_permissions.map((h) => `host:${h}`),
      ...manifest.optional_host_permissions.map((h) => `optional:${h}`),
    ].sort();
    expect(Object.keys(listing.permissions).sort()).toEqual(asked);
    for (const [permission, why] of Object.entries(listing.permissions))
      expect(why.length, permission).toBeGreaterThan(40);
  });

  it('captions every screenshot the screenshot script writes', () => {
    const script = readFileSync(new URL('./store-screenshots.ts', import.meta.url), 'utf8');
    for (const shot of listing.screenshots) {
      expect(shot.caption.length).toBeGreaterThan(10);
      expect(script).toContain(shot.file.replace('screenshots/', ''));
    }
  });
});
