// Adds or replaces messages in every locale at once from one small JSON file, so a new string arrives in English and
// French together with its placeholders written out (usage: tsx scripts/i18n-add.ts strings.json; see docs/i18n.md).

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MessageEntry, Messages } from '../extension/ui/i18n-core';

const LOCALES = resolve(import.meta.dirname, '../extension/_locales');

/** `{ key: { en, fr, …, description? } }`: `$name$` in the text becomes a placeholder; the names are numbered `$1`,
 * `$2`… in the order they first appear in the English text (t()'s arguments follow that order). */
type Additions = Record<string, Record<string, string>>;

export function entryFor(text: string, englishOrder: string[], description?: string): MessageEntry {
  const entry: MessageEntry = { message: text };
  if (description) entry.description = description;
  const used = new Set([...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
  if (used.size > 0) {
    entry.placeholders = {};
    for (const name of englishOrder) {
      if (used.has(name)) entry.placeholders[name] = { content: `$${englishOrder.indexOf(name) + 1}` };
    }
  }
  return entry;
}

export function namesInOrder(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
    const name = m[1]!.toLowerCase();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

const PLURAL_VARIANT = /_(zero|one|two|few|many)$/;

function main(file: string): void {
  const additions = JSON.parse(readFileSync(file, 'utf8')) as Additions;
  const englishPath = join(LOCALES, 'en', 'messages.json');
  const existingEnglish = JSON.parse(readFileSync(englishPath, 'utf8')) as Messages;
  /** A plural variant numbers its placeholders as its family's `_other` does. */
  const orderFor = (key: string): string[] => {
    const family = PLURAL_VARIANT.test(key) ? key.replace(PLURAL_VARIANT, '_other') : key;
    const english = additions[family]?.en ?? existingEnglish[family]?.message ?? additions[key]?.en;
    if (english === undefined) throw new Error(`${file}: "${key}" has no English text (nor its family)`);
    return namesInOrder(english);
  };
  for (const locale of readdirSync(LOCALES)) {
    const path = join(LOCALES, locale, 'messages.json');
    const messages = JSON.parse(readFileSync(path, 'utf8')) as Messages;
    for (const [key, texts] of Object.entries(additions)) {
      const text = texts[locale];
      if (text === undefined) {
        if (PLURAL_VARIANT.test(key)) continue; // a language without this plural form
        throw new Error(`${file}: "${key}" has no "${locale}" text`);
      }
      messages[key] = entryFor(text, orderFor(key), locale === 'en' ? texts.description : undefined);
    }
    writeFileSync(path, `${JSON.stringify(messages, null, 2)}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename))
  main(process.argv[2] ?? '');
