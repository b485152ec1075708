// Where an item being written is anchored now: resolved on this page (with the text found), in the model, not
// anchored, or an orphan with the anchoring code's reason (then the editor offers re-anchoring by pointing).

import type { Annotation } from '../../../annotations/format/types';
import { resolvePageTarget } from '../../../annotations/anchors/dom-anchors';

export type AnchorCheck =
  | { state: 'page'; text: string; element: Element }
  | { state: 'model' }
  | { state: 'none' }
  | { state: 'orphan'; reason: string };

export function checkAnchor(item: Annotation, root: Document): AnchorCheck {
  const selectors = item.target?.selector;
  if (selectors && selectors.length > 0) {
    const anchor = resolvePageTarget(selectors, root);
    return anchor.status === 'resolved'
      ? { state: 'page', text: anchor.text, element: anchor.element }
      : { state: 'orphan', reason: anchor.reason };
  }
  return item.target?.model ? { state: 'model' } : { state: 'none' };
}

const short = (s: string): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 48 ? `${t.slice(0, 45)}…` : t;
};

export function anchorLabel(item: Annotation, check: AnchorCheck): string {
  switch (check.state) {
    case 'page': {
      const css = item.target?.selector?.find((s) => s.type === 'CssSelector');
      const where = css?.type === 'CssSelector' ? css.value : `<${check.element.tagName.toLowerCase()}>`;
      return `Anchored to ${where}${check.text.trim() ? ` “${short(check.text)}”` : ''}`;
    }
    case 'model':
      return 'Anchored to the model:';
    case 'none':
      return 'Not anchored: about the whole page.';
    case 'orphan':
      return `Orphan: ${check.reason}`;
  }
}
