// The locales agree with each other and with the code: every key used exists in every locale, no locale has keys
// the default lacks, placeholders match, and the substitution, plural and direction rules behave as the browsers'.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  directionOf,
  entryProblems,
  localeProblems,
  pluralKey,
  substitute,
  type Messages,
} from './i18n-core';
import { formatNumber, t, tn, uiLanguage } from './i18n';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'extension/_locales');
const read = (path: string) => readFileSync(path, 'utf8');
const locales = Object.fromEntries(
  readdirSync(LOCALES).map((name) => [
    name,
    JSON.parse(read(join(LOCALES, name, 'messages.json'))) as Messages,
  ]),
);
const english = locales.en!;

/** Every browser-side source file (the rooms that show text), tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const CODE = ['content-scripts', 'extension', 'annotations', 'protocol', 'base']
  .flatMap((d) => sources(join(ROOT, d)))
  .map((path) => ({ path: relative(ROOT, path), text: read(path) }));
const PAGES = ['manifest.json', 'extension/popup/popup.html', 'extension/options/options.html'].map((p) => ({
  path: p,
  text: read(join(ROOT, p)),
}));

describe('the locales', () => {
  it('include English, the default, and at least one more complete locale', () => {
    expect(JSON.parse(read(join(ROOT, 'manifest.json'))).default_locale).toBe('en');
    expect(Object.keys(locales).length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(english).length).toBeGreaterThan(0);
  });

  it('have well-formed messages in the default locale', () => {
    expect(Object.entries(english).flatMap(([key, entry]) => entryProblems(key, entry))).toEqual([]);
    for (const key of Object.keys(english)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  for (const [name, messages] of Object.entries(locales)) {
    if (name === 'en') continue;
    it(`${name} has exactly the default's keys, with the same placeholders`, () => {
      expect(localeProblems(name, messages, english)).toEqual([]);
    });
  }

  it('every plural family has its _other form in every locale', () => {
    const families = Object.keys(english)
      .filter((k) => /_(one|other)$/.test(k))
      .map((k) => k.replace(/_(one|other)$/, ''));
    for (const [name, messages] of Object.entries(locales))
      for (const family of families)
        expect(messages, `${name}: ${family}_other`).toHaveProperty(`${family}_other`);
  });
});

describe('the code and the locales', () => {
  const used = new Map<string, string>();
  for (const { path, text } of CODE) {
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.set(m[1]!, path);
    for (const m of text.matchAll(/\btn\(\s*'([^']+)'/g)) used.set(`${m[1]!}_other`, path);
  }
  for (const { path, text } of PAGES)
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) used.set(m[1]!, path);

  it('every key the code and the manifest use is in every locale', () => {
    const missing: string[] = [];
    for (const [key, path] of used)
      for (const [name, messages] of Object.entries(locales))
        if (!(key in messages)) missing.push(`${path}: "${key}" is not in ${name}`);
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it('every key in the default locale is used somewhere (no dead strings)', () => {
    const everything = [...CODE, ...PAGES].map((f) => f.text).join('\n');
    const dead = Object.keys(english).filter((key) => {
      const family = key.replace(/_(zero|one|two|few|many|other)$/, '');
      // A plural family is named without its suffix (`tn(many ? 'a' : 'b', n)` names two).
      const named = (k: string) => everything.includes(`'${k}'`);
      return (
        !named(key) &&
        !named(family) &&
        !everything.includes(`__MSG_${key}__`) &&
        !used.has(`${family}_other`)
      );
    });
    expect(dead).toEqual([]);
  });
});

describe('substitution as the browsers do it', () => {
  const entry = {
    message: 'Found $COUNT$ models on $host$ ($$5)',
    placeholders: { count: { content: '$1' }, host: { content: '$2' } },
  };
  it('fills named placeholders case-insensitively and keeps $$ as a dollar sign', () => {
    expect(substitute(entry, ['3', 'example.org'])).toBe('Found 3 models on example.org ($5)');
  });
  it('refuses "$$" (Chrome would read "$$TeX$$" as a placeholder named TeX)', () => {
    expect(entryProblems('k', { message: 'Note (Markdown, $$TeX$$)' })).toContain(
      'k: "$$" in a message (write dollar signs in the code)',
    );
  });
  it('finds unused, undefined and malformed placeholders', () => {
    expect(entryProblems('k', { message: 'a $x$', placeholders: { y: { content: 'x' } } })).toEqual([
      'k: placeholder $x$ is not defined',
      'k: placeholder "y" is defined but not used',
      'k: placeholder "y" must be one of $1…$9',
    ]);
  });
  it('compares a locale with the default', () => {
    const reference: Messages = {
      a: { message: '$n$ x', placeholders: { n: { content: '$1' } } },
      b_one: { message: 'one b' },
      b_other: { message: '$n$ b', placeholders: { n: { content: '$1' } } },
    };
    expect(
      localeProblems(
        'xx',
        {
          a: { message: 'x', placeholders: {} },
          b_many: { message: '$n$ bb', placeholders: { n: { content: '$1' } } },
          b_other: { message: '$n$ b', placeholders: { n: { content: '$1' } } },
          c: { message: 'c' },
        },
        reference,
      ),
    ).toEqual([
      'xx: "c" is not in the default locale',
      'xx: "a" has placeholders [], the default has [n=$1]',
    ]);
  });
});

describe('plurals, numbers and direction', () => {
  const has = (keys: string[]) => (k: string) => keys.includes(k);
  it('picks the plural form by the language', () => {
    expect(pluralKey('m', 1, 'en', has(['m_one', 'm_other']))).toBe('m_one');
    expect(pluralKey('m', 0, 'en', has(['m_one', 'm_other']))).toBe('m_other');
    expect(pluralKey('m', 0, 'fr', has(['m_one', 'm_other']))).toBe('m_one');
    expect(pluralKey('m', 1_000_000, 'fr', has(['m_one', 'm_many', 'm_other']))).toBe('m_many');
    expect(pluralKey('m', 1_000_000, 'fr', has(['m_one', 'm_other']))).toBe('m_other');
  });
  it('reads the right-to-left languages', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
    expect(directionOf('not a tag')).toBe('ltr');
  });
  it('t() and tn() read the shipped English through the browser-shaped API', () => {
    expect(uiLanguage()).toBe('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    const someKey = Object.keys(english).find((k) => !english[k]!.placeholders) as Parameters<typeof t>[0];
    expect(t(someKey)).toBe(english[someKey]!.message);
  });
  it("tn() formats the count in the reader's language", () => {
    const family = Object.keys(english).find((k) => k.endsWith('_other'));
    if (!family) return expect(family).toBeUndefined();
    const base = family.replace(/_other$/, '') as Parameters<typeof tn>[0];
    expect(tn(base, 12345)).toContain('12,345');
  });
});
