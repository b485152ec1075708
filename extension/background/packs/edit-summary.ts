// Why: the reader confirms an edited copy in an extension page, and must see what it changes (where it would show,
// which notes differ) rather than take the page's word for it. Pure.

import type { Pack } from '../../../annotations/format/types';
import type { EditSummary } from '../../../protocol/pack-edits';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function summarizeEdit(original: Pack | null, edited: Pack): EditSummary {
  const before = new Map((original?.items ?? []).map((a) => [a.id, a]));
  const after = new Map(edited.items.map((a) => [a.id, a]));
  const pages = new Set(original?.targets.pages ?? []);
  return {
    title: edited.title,
    version: edited.version,
    authors: edited.authors.map((a) => a.name),
    pages: {
      kept: edited.targets.pages.filter((p) => pages.has(p)),
      added: edited.targets.pages.filter((p) => !pages.has(p)),
    },
    items: {
      added: [...after.keys()].filter((id) => !before.has(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
      changed: [...after].filter(([id, a]) => before.has(id) && !same(before.get(id), a)).map(([id]) => id),
    },
    steps: edited.steps?.length ?? 0,
    idChanged: original !== null && original.id !== edited.id,
  };
}
