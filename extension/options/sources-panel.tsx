// Options: where packs come from. Subscribe to a pack URL or a registry, import files (picker or drop), update,
// remove, export; every problem shown with the file or URL, line:column, JSON pointer and reason.

import { formatDate, t, type MessageKey } from '../ui/i18n';
import { useState } from 'preact/hooks';
import type { ActionResult, PacksAdminView } from '../../protocol/packs-messages';
import type { PackRecord, Source } from '../../protocol/pack-records';
import { signatureLine } from '../ui/signature-line';
import { sourceName } from '../ui/source-name';
import { ask, errorText } from '../ui/ask';
import { ProblemNotice } from './problems';

const KIND_LABEL: Record<Source['kind'], MessageKey> = {
  shipped: 'kindShipped',
  url: 'kindUrl',
  registry: 'kindRegistry',
  file: 'kindFile',
  edit: 'kindEdit',
  link: 'kindLink',
  inline: 'kindInline',
};

type Outcome = (ActionResult & { what: string }) | null;

function AddForm({ kind, onDone }: { kind: 'url' | 'registry'; onDone: (o: Outcome) => void }) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `add-${kind}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await ask({ type: 'add-source', kind, url }).catch((e: unknown) => ({
      ok: false as const,
      reason: errorText(e),
    }));
    setBusy(false);
    if (result.ok) setUrl('');
    onDone({ ...result, what: kind === 'url' ? t('sourcesPackAdded') : t('sourcesRegistryAdded') });
  };
  return (
    <form class="add" onSubmit={(e) => void submit(e)}>
      <label for={id}>{kind === 'url' ? t('kindUrl') : t('sourcesRegistryUrl')}</label>
      <input
        id={id}
        type="url"
        required
        placeholder={
          kind === 'url' ? 'https://example.org/packs/mnist.json' : 'https://example.org/packs/index.json'
        }
        value={url}
        onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('sourcesAdding') : kind === 'url' ? t('sourcesAddPack') : t('sourcesAddRegistry')}
      </button>
    </form>
  );
}

async function importFiles(files: FileList | File[], onDone: (o: Outcome) => void): Promise<void> {
  for (const file of Array.from(files)) {
    const text = await file.text();
    const result = await ask({ type: 'import-pack', name: file.name, text }).catch((e: unknown) => ({
      ok: false as const,
      reason: errorText(e),
    }));
    onDone({ ...result, what: t('sourcesImported', file.name) });
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function PackRow({
  record,
  removable,
  onChange,
}: {
  record: PackRecord;
  removable: boolean;
  onChange: () => void;
}) {
  const id = `enabled-${record.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const exportPack = async () => {
    const result = await ask({
      type: 'export-pack',
      packKey: record.key,
    });
    if (result.ok && result.name && result.text !== undefined) download(result.name, result.text);
  };
  return (
    <li data-key={record.key}>
      <label class="switch" for={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={record.enabled}
          onChange={() =>
            void ask({ type: 'set-pack-enabled', packKey: record.key, enabled: !record.enabled }).then(
              onChange,
            )
          }
        />
        <span class="pack-title" dir="auto">
          {record.title}
        </span>
      </label>{' '}
      <span class="muted">
        v{record.version} · {record.authors.map((a) => a.name).join(', ')}
        {record.derivedFrom ? t('sourcesEditedCopy') : ''}
      </span>
      <div
        class="model-meta"
        data-testid="pack-signature"
        role={record.signature?.state === 'invalid' || record.signerChange ? 'alert' : undefined}
      >
        {record.signature?.state === 'invalid' || record.signerChange ? (
          <strong>{signatureLine(record.signature, record.signerChange)}</strong>
        ) : (
          signatureLine(record.signature, record.signerChange)
        )}
      </div>
      <div class="model-meta">
        {t('sourcesFor', record.pages.slice(0, 3).join(', ') + (record.pages.length > 3 ? ' …' : ''))}
      </div>
      <div class="row-actions">
        <button type="button" class="secondary small" onClick={() => void exportPack()}>
          {t('sourcesExport')}
        </button>
        {removable && (
          <button
            type="button"
            class="secondary small"
            onClick={() => void ask({ type: 'remove-pack', packKey: record.key }).then(onChange)}
          >
            {t('sourcesRemove')}
          </button>
        )}
      </div>
    </li>
  );
}

function SourceCard({
  source,
  packs,
  onChange,
  onOutcome,
}: {
  source: Source;
  packs: PackRecord[];
  onChange: () => void;
  onOutcome: (o: Outcome) => void;
}) {
  const remote = source.kind === 'url' || source.kind === 'registry' || source.kind === 'link';
  const update = async () => {
    const result = await ask({ type: 'update-sources', sourceId: source.id });
    onOutcome(result.ok ? { ok: true, what: t('sourcesUpToDate', source.label) } : null);
    onChange();
  };
  return (
    <li class="source" data-source={source.id} data-kind={source.kind}>
      <div class="source-head">
        <span class="tag">{t(KIND_LABEL[source.kind])}</span>{' '}
        <strong dir="auto">{sourceName(source.kind, source.label)}</strong>
        {source.url && source.url !== source.label && (
          <div>
            <code>{source.url}</code>
          </div>
        )}
        <div class="model-meta">
          {source.updatedAt
            ? t('sourcesUpdated', formatDate(source.updatedAt))
            : remote
              ? t('sourcesNotFetched')
              : ''}
          {source.checkedAt && source.checkedAt !== source.updatedAt
            ? t('sourcesLastTried', formatDate(source.checkedAt))
            : ''}
        </div>
      </div>
      {source.problems.map((p, i) => (
        <ProblemNotice
          key={i}
          where={p.where}
          reason={p.reason}
          {...(p.errors ? { errors: p.errors } : {})}
        />
      ))}
      {packs.length > 0 ? (
        <ul class="pack-list">
          {packs.map((r) => (
            <PackRow
              key={r.key}
              record={r}
              removable={source.kind !== 'registry' && source.kind !== 'shipped'}
              onChange={onChange}
            />
          ))}
        </ul>
      ) : (
        <p class="muted">{t('sourcesNoPacks')}</p>
      )}
      <div class="row-actions">
        {remote && (
          <button type="button" class="secondary small" onClick={() => void update()}>
            {t('sourcesUpdateNow')}
          </button>
        )}
        {source.kind !== 'shipped' && (
          <button
            type="button"
            class="secondary small"
            onClick={() => void ask({ type: 'remove-source', sourceId: source.id }).then(onChange)}
          >
            {source.kind === 'registry' ? t('sourcesRemoveRegistry') : t('sourcesRemoveSource')}
          </button>
        )}
      </div>
    </li>
  );
}

export function SourcesPanel({ admin, onChange }: { admin: PacksAdminView; onChange: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [dragging, setDragging] = useState(false);
  const done = (o: Outcome) => {
    setOutcome(o);
    onChange();
  };
  const updateAll = async () => {
    const result = await ask({ type: 'update-sources', sourceId: null }).catch(() => ({
      ok: false,
    }));
    done(
      result.ok
        ? { ok: true, what: t('sourcesAllUpToDate') }
        : { ok: false, reason: t('sourcesSomeFailed'), what: '' },
    );
  };
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sourcesHeading')}</h2>
      {admin.readOnly && (
        <p class="warn" role="alert">
          {t('sourcesReadOnly')}
        </p>
      )}
      <AddForm kind="url" onDone={done} />
      <AddForm kind="registry" onDone={done} />
      <div
        class={`drop ${dragging ? 'dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer?.files) void importFiles(e.dataTransfer.files, done);
        }}
      >
        <label>
          {t('sourcesImport')}{' '}
          <input
            id="import-files"
            type="file"
            accept=".json,application/json"
            multiple
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              if (input.files) void importFiles(input.files, done).then(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {outcome &&
        (outcome.ok ? (
          <p role="status">{outcome.what}</p>
        ) : (
          <ProblemNotice
            reason={outcome.reason}
            {...(outcome.where ? { where: outcome.where } : {})}
            {...(outcome.errors ? { errors: outcome.errors } : {})}
          />
        ))}
      <div class="row-actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void updateAll().catch((e: unknown) => setOutcome({ ok: false, reason: errorText(e), what: '' }))
          }
        >
          {t('sourcesUpdateAll')}
        </button>
      </div>
      {admin.sources.length === 0 ? (
        <p class="muted">{t('sourcesEmpty')}</p>
      ) : (
        <ul class="sources" aria-label={t('sourcesList')}>
          {admin.sources
            .filter(
              (s) =>
                s.kind !== 'shipped' || admin.packs.some((p) => p.sourceId === s.id) || s.problems.length > 0,
            )
            .map((s) => (
              <SourceCard
                key={s.id}
                source={s}
                packs={admin.packs.filter((p) => p.sourceId === s.id)}
                onChange={onChange}
                onOutcome={setOutcome}
              />
            ))}
        </ul>
      )}
    </section>
  );
}
