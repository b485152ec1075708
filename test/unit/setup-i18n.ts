// Unit tests read the extension's strings as an English-speaking reader would: a browser-shaped `chrome.i18n` over
// the shipped en messages.json, filled by the same substitution rules (extension/ui/i18n-core.ts).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { substitute, type Messages } from '../../extension/ui/i18n-core';

const english = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../extension/_locales/en/messages.json'), 'utf8'),
) as Messages;
const byLowerKey = new Map(Object.entries(english).map(([k, v]) => [k.toLowerCase(), v]));

const g = globalThis as { chrome?: Record<string, unknown> };
g.chrome ??= {};
g.chrome.i18n ??= {
  getMessage(key: string, subs?: string | string[]): string {
    const entry = byLowerKey.get(key.toLowerCase());
    if (!entry) return '';
    return substitute(entry, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  },
  getUILanguage: () => 'en',
};
