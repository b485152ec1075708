// The switch into authoring mode at the top of the panel ("Write notes"), and the authoring panel under it when on.

import { t } from '../../../extension/ui/i18n';
import type { ActivePack } from '../../../protocol/packs';
import type { DraftsApi } from '../../relay/packs-api';
import { AuthorPanel } from './author-panel';
import type { Authoring } from './use-authoring';
import { onTrusted } from '../state/trusted';

export function WriteNotes({
  authoring,
  drafts,
  active,
  root,
}: {
  authoring: Authoring;
  drafts: DraftsApi | undefined;
  active: ActivePack | null;
  root: ShadowRoot;
}) {
  return (
    <>
      <div class="author-switch">
        <button
          type="button"
          class="author-btn"
          aria-pressed={authoring.on}
          onClick={onTrusted(() => authoring.setOn(!authoring.on))}
        >
          {authoring.on ? t('writeDone') : t('writeNotes')}
        </button>
      </div>
      {authoring.on && <AuthorPanel authoring={authoring} drafts={drafts} active={active} root={root} />}
    </>
  );
}
