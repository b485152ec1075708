// The pure half of localisation: Chrome's messages.json substitution rules, plural keys and a locale's shape, so the
// unit tests, the consistency check and the browser adapter (i18n.ts) agree on one reading of the files.

/** One entry of a `_locales/<lang>/messages.json` file, as Chrome and Firefox read it. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

/** The plural categories a `key_<category>` family may use (CLDR names, as Intl.PluralRules returns them). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const NAMED = /\$([A-Za-z0-9_@]+)\$/g;
const POSITIONAL = /\$(\d)/g;

/** Fills a message as the browsers do: `$name$` → its placeholder's content, then `$1`…`$9` → the substitutions,
 * `$$` → `$`. An unknown placeholder stays as written (the consistency test refuses it before it ships). */
export function substitute(entry: MessageEntry, subs: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const fillPositional = (text: string) =>
    text.replace(POSITIONAL, (_m, d: string) => subs[Number(d) - 1] ?? '');
  const parts = entry.message.split('$$');
  return parts
    .map((part) =>
      fillPositional(part.replace(NAMED, (m, name: string) => placeholders.get(name.toLowerCase()) ?? m)),
    )
    .join('$');
}

/** The named placeholders a message uses, lower-cased and sorted, each with the substitution it stands for. */
export function placeholderSignature(entry: MessageEntry): string[] {
  const used = new Set<string>();
  for (const m of entry.message.matchAll(NAMED)) used.add(m[1]!.toLowerCase());
  const contents = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return [...used].sort().map((name) => `${name}=${contents.get(name) ?? '(undefined)'}`);
}

/** Everything wrong with one message on its own: placeholders used but not defined, defined but not used, or whose
 * content is not a single `$1`…`$9`. */
export function entryProblems(key: string, entry: MessageEntry): string[] {
  const problems: string[] = [];
  if (typeof entry.message !== 'string' || entry.message.trim() === '')
    problems.push(`${key}: empty message`);
  // Chrome reads `$$name$$` as a placeholder named `name` when it loads the file: keep dollar signs out of messages.
  if (entry.message?.includes('$$'))
    problems.push(`${key}: "$$" in a message (write dollar signs in the code)`);
  const defined = new Map(Object.entries(entry.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p]));
  const used = new Set([...(entry.message ?? '').matchAll(NAMED)].map((m) => m[1]!.toLowerCase()));
  for (const name of used)
    if (!defined.has(name)) problems.push(`${key}: placeholder $${name}$ is not defined`);
  for (const [name, p] of defined) {
    if (!used.has(name)) problems.push(`${key}: placeholder "${name}" is defined but not used`);
    if (!/^\$[1-9]$/.test(p.content)) problems.push(`${key}: placeholder "${name}" must be one of $1…$9`);
  }
  return problems;
}

/** The key a plural family uses for `n` in `language`: `base_one`, `base_few`… falling back to `base_other`. */
export function pluralKey(base: string, n: number, language: string, has: (key: string) => boolean): string {
  let category: string = 'other';
  try {
    category = new Intl.PluralRules(language).select(n);
  } catch {
    category = new Intl.PluralRules('en').select(n);
  }
  const key = `${base}_${category}`;
  return has(key) ? key : `${base}_other`;
}

/** Compares one locale with the default: keys missing or extra, and messages whose placeholders differ. Plural
 * families may use other categories than English, but each must keep its `_other`. */
export function localeProblems(name: string, locale: Messages, reference: Messages): string[] {
  const problems: string[] = [];
  const isPluralVariant = (key: string) =>
    PLURAL_CATEGORIES.some((c) => key.endsWith(`_${c}`) && c !== 'other');
  const familyOf = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  const families = new Set(
    Object.keys(reference)
      .filter((k) => k.endsWith('_other'))
      .map(familyOf),
  );
  for (const key of Object.keys(reference)) {
    if (key in locale) continue;
    if (isPluralVariant(key) && families.has(familyOf(key))) continue;
    problems.push(`${name}: missing "${key}"`);
  }
  for (const key of Object.keys(locale)) {
    if (key in reference) continue;
    if (isPluralVariant(key) && families.has(familyOf(key))) continue;
    problems.push(`${name}: "${key}" is not in the default locale`);
  }
  for (const [key, entry] of Object.entries(locale)) {
    problems.push(...entryProblems(key, entry).map((p) => `${name}: ${p}`));
    // A plural variant ("1 model") may leave out what its family's `_other` fills in, but add nothing.
    if (isPluralVariant(key) && families.has(familyOf(key))) {
      const allowed = new Set(placeholderSignature(reference[`${familyOf(key)}_other`]!));
      const extra = placeholderSignature(entry).filter((p) => !allowed.has(p));
      if (extra.length > 0)
        problems.push(`${name}: "${key}" has placeholders its family lacks: ${extra.join(', ')}`);
      continue;
    }
    const ref = reference[key];
    if (!ref) continue;
    const mine = placeholderSignature(entry).join(', ');
    const theirs = placeholderSignature(ref).join(', ');
    if (mine !== theirs)
      problems.push(`${name}: "${key}" has placeholders [${mine}], the default has [${theirs}]`);
  }
  return problems;
}

/** The writing direction of a language tag (for `dir` on pack content in that language). */
export function directionOf(language: string): 'rtl' | 'ltr' {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    return 'ltr';
  }
  return /^(ar|arc|ckb|dv|fa|he|iw|ks|ku|ps|sd|syr|ug|ur|yi)(-|$)/i.test(language) ? 'rtl' : 'ltr';
}
