// In the panel: the pack's notes about elements the page does not show now (a display: none video, a collapsed
// section), each with what it says and why it is not beside the page — shown here rather than dropped.

import { t, tn } from '../../../extension/ui/i18n';
import { plainText } from '../pack/plain-text';
import type { PackSession } from '../pack/use-pack-session';
import type { HiddenNote } from './hidden-notes';

export function HiddenNotesList({
  session,
  hidden,
}: {
  session: PackSession;
  hidden: readonly HiddenNote[];
}) {
  if (hidden.length === 0) return null;
  const n = hidden.length;
  return (
    <details class="orphans hidden-notes" open>
      <summary>{tn('hiddenSummary', n)}</summary>
      <ul aria-label={t('hiddenList')}>
        {hidden.map((h) => (
          <li key={h.annotation.id} class="orphan" data-hidden-note-id={h.annotation.id}>
            <p class="orphan-text" dir="auto">
              {plainText(session.render(h.annotation).html, 280) || t('noText')}
            </p>
            <ul class="orphan-reasons">
              <li>{h.reason}</li>
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
