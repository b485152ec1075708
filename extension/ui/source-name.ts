// The name of a pack source for the reader: Literate's own sources (shipped, imported files, edits, inline links)
// in the reader's language, whatever label an older version stored; a subscribed source by its own label.

import type { SourceKind } from '../../protocol/pack-records';
import { t, type MessageKey } from './i18n';

const BUILT_IN: Partial<Record<SourceKind, MessageKey>> = {
  shipped: 'sourceShipped',
  file: 'sourceFiles',
  edit: 'kindEdit',
  inline: 'sourceInline',
};

export function sourceName(kind: SourceKind, label: string): string {
  const key = BUILT_IN[kind];
  return key ? t(key) : label;
}
