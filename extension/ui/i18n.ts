// Every string a reader sees, in the reader's language: `t(key, ...subs)` reads `_locales/*/messages.json` through the
// browser's i18n API (content scripts, the background and extension pages all have it; the MAIN-world hook shows no
// text), and numbers, sizes and dates follow the same language. How to add a string: docs/i18n.md.

import { directionOf, pluralKey } from './i18n-core';

export { directionOf };

/** The default locale's keys, checked by tsc at every call; other locales are checked by i18n.test.ts. */
export type MessageKey = keyof typeof import('../_locales/en/messages.json');
/** The base of a plural family: `foo` when the default locale has `foo_other` (and usually `foo_one`). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

type Substitution = string | number;
interface I18nApi {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage(): string;
}

/** `chrome.i18n` (Firefox has it too): a real global in every extension world, which the page's `id="browser"`
 * elements cannot shadow the way they can the name `browser` in a content script. */
function api(): I18nApi | undefined {
  const i18n = (globalThis as { chrome?: { i18n?: Partial<I18nApi> } }).chrome?.i18n;
  return typeof i18n?.getMessage === 'function' && typeof i18n.getUILanguage === 'function'
    ? (i18n as I18nApi)
    : undefined;
}

/** The browser's UI language (BCP 47), the one the messages were chosen for; `en` where there is no i18n API. */
export function uiLanguage(): string {
  try {
    return api()?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the reader writes it (1,234.5 in English, 1 234,5 in French). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const language = uiLanguage();
  const id = `${language} ${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(id, format);
  }
  return format.format(n);
}

/** A date and time as the reader writes them. */
export function formatDate(
  at: Date | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(uiLanguage(), options).format(at);
}

/** The message for `key` with `$1`…`$9` filled in (numbers in the reader's format); the key itself, visibly, when a
 * locale lacks it (the consistency test keeps that from shipping). */
export function t(key: MessageKey, ...subs: Substitution[]): string {
  const text = api()?.getMessage(key, subs.map(asText));
  return text || key;
}

/** The member of the plural family `base` that fits `n` in the reader's language (`base_one`, `base_other`…);
 * `$1` is `n`, formatted, and `subs` follow as `$2`…. */
export function tn(base: PluralKey, n: number, ...subs: Substitution[]): string {
  const i18n = api();
  const key = pluralKey(base, n, uiLanguage(), (k) => !!i18n?.getMessage(k));
  return t(key as MessageKey, n, ...subs);
}

function asText(sub: Substitution): string {
  return typeof sub === 'number' ? formatNumber(sub) : sub;
}

/** Marks an extension page with the language its strings are in (screen readers pick their voice from it). */
export function localizeDocument(root: HTMLElement = document.documentElement): void {
  const language = uiLanguage();
  root.lang = language;
  root.dir = directionOf(language);
}
