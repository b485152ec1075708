// Publishing a draft: the pack JSON and its literate Markdown source as downloads (both rebuild the same pack),
// and a share link: inline when the pack is small enough, or a URL link to where the annotator put the JSON file.

import { t } from '../../../extension/ui/i18n';
import { useState } from 'preact/hooks';
import { decompilePack } from '../../../annotations/author/decompile';
import type { Pack } from '../../../annotations/format/types';
import type { ActionResult } from '../../../protocol/packs-messages';
import { shareLinkForPack } from '../../../extension/share/share-for-pack';
import { buildShareLink, packUrlProblem } from '../../../extension/share/share-link';

/** The two files a pack is published as: each rebuilds the same pack. */
const DOWNLOADS = [
  { ext: 'json', label: 'publishJson', text: packJson, type: 'application/json' },
  { ext: 'md', label: 'publishMarkdown', text: decompilePack, type: 'text/markdown' },
] as const;

export function packFileName(pack: Pack, ext: 'json' | 'md'): string {
  const base = pack.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'pack';
  return `${base}.${ext === 'json' ? 'json' : 'literate.md'}`;
}

export function packJson(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Saves text as a file through a download link (the page is not navigated). */
function download(name: string, text: string, type: string, root: Node): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  (root as ShadowRoot).appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface PublishProps {
  pack: Pack;
  valid: boolean;
  root: ShadowRoot;
  pageUrl: string;
  beforeExport(): Promise<void>;
  /** Saves a new version of a stored pack as the reader's own copy; null for new packs. */
  saveCopy: (() => Promise<ActionResult>) | null;
}

export function Publish({ pack, valid, root, pageUrl, beforeExport, saveCopy }: PublishProps) {
  const [link, setLink] = useState<{ text: string; note: string } | null>(null);
  const [hosted, setHosted] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (text: string, note: string) => {
    setLink({ text, note });
    const copied = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setLink({ text, note: copied ? t('publishCopied', note) : t('publishSelectCopy', note) });
  };

  return (
    <section class="author-section" aria-labelledby="lt-author-publish">
      <h3 id="lt-author-publish" class="author-h">
        {t('publishHeading')}
      </h3>
      {!valid && <p class="author-warn">{t('publishFixFirst')}</p>}
      <div class="author-actions">
        {DOWNLOADS.map(({ ext, label, text, type }) => (
          <button
            key={ext}
            type="button"
            class="author-btn"
            disabled={!valid}
            onClick={async () => {
              await beforeExport();
              download(packFileName(pack, ext), text(pack), type, root);
            }}
          >
            {t(label)}
          </button>
        ))}
        <button
          type="button"
          class="author-btn primary"
          disabled={!valid}
          onClick={async () => {
            const made = await shareLinkForPack(pageUrl, { sourceKind: 'edit', url: null }, pack);
            if (made.ok) await copy(made.link, t('publishWholePack'));
            else setLink({ text: '', note: made.reason });
          }}
        >
          {t('packsCopyLink')}
        </button>
      </div>
      {saveCopy && (
        <div class="author-actions">
          <button
            type="button"
            class="author-btn"
            disabled={!valid}
            onClick={async () => {
              const result = await saveCopy();
              setCopied(
                result.ok ? t('publishConfirmCopy', pack.version) : t('publishNotSaved', result.reason),
              );
            }}
          >
            {t('publishKeepCopy')}
          </button>
          {copied && <p role="status">{copied}</p>}
        </div>
      )}
      <form
        class="author-row"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = packUrlProblem(hosted);
          if (problem) setLink({ text: '', note: t('publishBadAddress', problem) });
          else void copy(buildShareLink(pageUrl, { url: hosted }), t('publishFromAddress'));
        }}
      >
        <label htmlFor="lt-author-hosted">{t('publishHosted')}</label>
        <input
          id="lt-author-hosted"
          type="url"
          placeholder="https://example.org/my-pack.json"
          value={hosted}
          onInput={(e) => setHosted((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="author-btn" disabled={!valid || !hosted}>
          {t('publishCopyUrl')}
        </button>
      </form>
      {link && (
        <div class="author-link">
          <p role="status">{link.note}</p>
          {link.text && (
            <input
              class="mono"
              readOnly
              aria-label={t('publishShareLink')}
              data-testid="author-share-link"
              value={link.text}
              onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
            />
          )}
        </div>
      )}
    </section>
  );
}
