// The languages the reader reads, most preferred first: the browser's UI language, then its content languages (packs
// in one of these are offered first).

import { uiLanguage } from '../ui/i18n';

export function readerLanguages(): string[] {
  const content = typeof navigator !== 'undefined' ? [...(navigator.languages ?? [])] : [];
  return [...new Set([uiLanguage(), ...content])];
}
