// The language of a pack's words on the page and in the panel: `lang` (so a screen reader speaks French prose in
// French) and `dir` (so Arabic or Hebrew prose runs right to left), from the note's own language or the pack's;
// `dir="auto"` where neither says.

import type { Annotation, Pack } from '../../../annotations/format/types';
import { directionOf } from '../../../extension/ui/i18n';

export interface LanguageAttributes {
  lang?: string;
  dir: 'ltr' | 'rtl' | 'auto';
}

export function packLanguage(
  pack: Pick<Pack, 'language'> | undefined,
  annotation?: Annotation,
): LanguageAttributes {
  const body = annotation?.body as { language?: unknown } | undefined;
  const language = typeof body?.language === 'string' && body.language ? body.language : pack?.language;
  if (!language) return { dir: 'auto' };
  return { lang: language, dir: directionOf(language) };
}
