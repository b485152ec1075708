// Annotations of the pack that could not be anchored on this page or model, each with what it says and why it is
// not shown in place (an explanation bound to the wrong thing is worse than none).

import { t, tn } from '../../../extension/ui/i18n';
import type { OrphanItem } from './resolve';
import { plainText } from './plain-text';
import type { PackSession } from './use-pack-session';

export function Orphans({ session, orphans }: { session: PackSession; orphans: readonly OrphanItem[] }) {
  if (orphans.length === 0) return null;
  const n = orphans.length;
  return (
    <details class="orphans">
      <summary>{tn('orphansSummary', n)}</summary>
      <ul aria-label={t('orphansList')}>
        {orphans.map((o) => (
          <li key={o.annotation.id} class="orphan" data-orphan-id={o.annotation.id}>
            <p class="orphan-what">
              <span class="chip" data-family="other">
                {o.annotation.kind}
              </span>{' '}
              <span class="mono">{o.annotation.id}</span>
            </p>
            <p class="orphan-text" dir="auto">
              {plainText(session.render(o.annotation).html, 140) || t('noText')}
            </p>
            <ul class="orphan-reasons">
              {o.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
