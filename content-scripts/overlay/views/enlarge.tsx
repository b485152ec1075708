// A view that can be enlarged: an "Enlarge" button opens the same view, drawn larger, in a modal dialog; Escape or
// Close shuts it and focus goes back to the button. The view keeps following live frames while enlarged.

import { t } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface EnlargeableProps {
  /** What the view shows, for the button's and the dialog's names. */
  title: string;
  /** Draws the view, small (in the panel) or large (in the dialog). */
  children: (large: boolean) => ComponentChildren;
}

export function Enlargeable({ title, children }: EnlargeableProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!open || !el) return;
    if (!el.open) el.showModal();
    return () => {
      if (el.open) el.close();
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    // After the dialog has gone (the next frame), so that focus lands on a button that is no longer inert.
    requestAnimationFrame(() => button.current?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Ours, not the panel's: Escape here closes the enlarged view and leaves the panel open.
    if (e.key !== 'Escape' || e.isComposing) return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };

  return (
    <>
      {children(false)}
      <button
        type="button"
        class="enlarge"
        ref={button}
        aria-label={t('enlargeLabel', title)}
        onClick={() => setOpen(true)}
      >
        {t('enlarge')}
      </button>
      {open && (
        <dialog
          ref={dialog}
          class="enlarged"
          aria-labelledby={titleId}
          onKeyDown={onKeyDown}
          onCancel={(e) => {
            e.preventDefault();
            close();
          }}
        >
          <header class="enlarged-head">
            <h4 id={titleId}>{title}</h4>
            <button type="button" class="enlarged-close" onClick={close}>
              {t('close')}
            </button>
          </header>
          <div class="enlarged-body">{children(true)}</div>
        </dialog>
      )}
    </>
  );
}
