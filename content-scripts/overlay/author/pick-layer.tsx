// What pick mode draws over the page, inside the overlay: a box around the element under the pointer (the page's
// own styles are never touched) and a banner saying how to anchor and how to stop.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Authoring } from './use-authoring';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function PickLayer({ authoring }: { authoring: Authoring }) {
  const { picking, hover } = authoring;
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    if (!picking || !hover) return setBox(null);
    let frame = 0;
    const follow = () => {
      const r = hover.getBoundingClientRect();
      setBox((b) =>
        b && b.left === r.left && b.top === r.top && b.width === r.width && b.height === r.height
          ? b
          : { left: r.left, top: r.top, width: r.width, height: r.height },
      );
      frame = requestAnimationFrame(follow);
    };
    follow();
    return () => cancelAnimationFrame(frame);
  }, [picking, hover]);
  if (!picking) return null;
  return (
    <>
      {box && (
        <div
          class="pick-box"
          aria-hidden="true"
          style={{
            left: `${box.left}px`,
            top: `${box.top}px`,
            width: `${box.width}px`,
            height: `${box.height}px`,
          }}
        />
      )}
      <div class="pick-banner" role="region" aria-label={t('pickRegion')}>
        <span>{picking.kind === 'new' ? t('pickNew') : t('pickItem', picking.id)}</span>
        <button type="button" class="author-btn" onClick={authoring.stopPick}>
          {t('pickStop')}
        </button>
      </div>
    </>
  );
}
