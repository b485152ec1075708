// The pack store's persisted shape (storage.local, schema version 1): sources, pack records, trust, and validators
// that turn whatever storage holds into that shape without ever dropping a reader's own pack.

import type { ValidationError } from '../../../annotations/format/validate';
import {
  SOURCE_KINDS,
  type HttpValidators,
  type PackAuthor,
  type PackRecord,
  type Problem,
  type SignatureRecord,
  type SignerChange,
  type Source,
  type SourceKind,
  type Trust,
} from '../../../protocol/pack-records';
import { isRec } from '../../../base/is-record';

export { SOURCE_KINDS };
export type { HttpValidators, PackAuthor, PackRecord, Problem, Source, SourceKind, Trust };

export const SCHEMA_VERSION = 1;

/** storage.local keys. Pack texts are content-addressed under `text:<sha256>` so updates never overwrite a copy. */
export const KEYS = {
  schema: 'schema',
  sources: 'sources',
  packs: 'packs',
  trust: 'trust',
  settings: 'settings',
  errors: 'errors',
} as const;
export const TEXT_PREFIX = 'text:';
export const textKey = (sha256: string): string => `${TEXT_PREFIX}${sha256}`;

export const REMOTE_KINDS: ReadonlySet<SourceKind> = new Set(['url', 'registry', 'link']);

export interface StoreState {
  sources: Source[];
  packs: PackRecord[];
  trust: Trust;
}

export const emptyState = (): StoreState => ({ sources: [], packs: [], trust: { origins: [] } });

// ------------------------------------------------------------------------------------------ tolerant readers

const str = (v: unknown, max = 4096): string | undefined =>
  typeof v === 'string' && v.length <= max ? v : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const SHA = /^[0-9a-f]{64}$/;

function http(v: unknown): HttpValidators | undefined {
  if (!isRec(v)) return undefined;
  const out: HttpValidators = {};
  const etag = str(v.etag, 1024);
  const lastModified = str(v.lastModified, 256);
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return etag || lastModified ? out : undefined;
}

function validationErrors(v: unknown): ValidationError[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isRec).flatMap((e) => {
    const pointer = str(e.pointer);
    const reason = str(e.reason);
    if (pointer === undefined || reason === undefined) return [];
    const out: ValidationError = { pointer, reason };
    const line = num(e.line);
    const column = num(e.column);
    const hint = str(e.hint);
    if (line !== undefined) out.line = line;
    if (column !== undefined) out.column = column;
    if (hint !== undefined) out.hint = hint;
    return [out];
  });
}

export function readProblem(v: unknown): Problem | null {
  if (!isRec(v)) return null;
  const where = str(v.where);
  const reason = str(v.reason);
  if (where === undefined || reason === undefined) return null;
  const errors = validationErrors(v.errors);
  return { where, reason, at: num(v.at) ?? 0, ...(errors ? { errors } : {}) };
}

export function readSource(v: unknown): Source | null {
  if (!isRec(v)) return null;
  const id = str(v.id, 200);
  const kind = SOURCE_KINDS.find((k) => k === v.kind);
  if (!id || !kind) return null;
  const url = str(v.url, 2048);
  if (REMOTE_KINDS.has(kind) && !url) return null;
  const source: Source = {
    id,
    kind,
    label: str(v.label, 2048) ?? url ?? id,
    addedAt: num(v.addedAt) ?? 0,
    problems: Array.isArray(v.problems) ? v.problems.map(readProblem).filter((p): p is Problem => !!p) : [],
  };
  if (url) source.url = url;
  const checkedAt = num(v.checkedAt);
  const updatedAt = num(v.updatedAt);
  const validators = http(v.http);
  const version = str(v.version, 64);
  if (checkedAt !== undefined) source.checkedAt = checkedAt;
  if (updatedAt !== undefined) source.updatedAt = updatedAt;
  if (validators) source.http = validators;
  if (version) source.version = version;
  return source;
}

const SIGNATURE_STATES = new Set(['unsigned', 'valid', 'invalid']);

function readSignature(v: unknown): SignatureRecord | undefined {
  if (!isRec(v) || typeof v.state !== 'string' || !SIGNATURE_STATES.has(v.state)) return undefined;
  const out: SignatureRecord = { state: v.state as SignatureRecord['state'] };
  const keyId = str(v.keyId, 64);
  const signer = str(v.signer, 512);
  const reason = str(v.reason, 1024);
  if (keyId) out.keyId = keyId;
  if (signer) out.signer = signer;
  if (reason) out.reason = reason;
  return out;
}

function readSignerChange(v: unknown): SignerChange | undefined {
  if (!isRec(v)) return undefined;
  const from = str(v.from, 64);
  const to = v.to === null ? null : str(v.to, 64);
  if (!from || to === undefined) return undefined;
  return { from, to, at: num(v.at) ?? 0 };
}

export function readPackRecord(v: unknown): PackRecord | null {
  if (!isRec(v)) return null;
  const key = str(v.key, 2400);
  const sourceId = str(v.sourceId, 200);
  const sha256 = str(v.sha256, 64);
  const packId = str(v.packId, 2048);
  if (!key || !sourceId || !sha256 || !SHA.test(sha256) || !packId) return null;
  const authors = Array.isArray(v.authors)
    ? v.authors.filter(isRec).flatMap((a) => {
        const name = str(a.name, 512);
        const url = str(a.url, 2048);
        return name ? [url ? { name, url } : { name }] : [];
      })
    : [];
  const record: PackRecord = {
    key,
    sourceId,
    sha256,
    packId,
    title: str(v.title, 512) ?? packId,
    version: str(v.version, 256) ?? '',
    authors,
    license: str(v.license, 512) ?? '',
    pages: Array.isArray(v.pages) ? v.pages.filter((p): p is string => typeof p === 'string') : [],
    enabled: v.enabled !== false,
    fetchedAt: num(v.fetchedAt) ?? 0,
  };
  const url = str(v.url, 2048);
  const validators = http(v.http);
  const derivedFrom = str(v.derivedFrom, 2400);
  if (url) record.url = url;
  if (validators) record.http = validators;
  if (derivedFrom) record.derivedFrom = derivedFrom;
  const signature = readSignature(v.signature);
  const signerChange = readSignerChange(v.signerChange);
  const signerKeyId = str(v.signerKeyId, 64);
  if (signature) record.signature = signature;
  if (signerKeyId) record.signerKeyId = signerKeyId;
  if (signerChange) record.signerChange = signerChange;
  return record;
}

export function readTrust(v: unknown): Trust {
  const origins = isRec(v) && Array.isArray(v.origins) ? v.origins : [];
  return { origins: [...new Set(origins.filter((o): o is string => typeof o === 'string' && isOrigin(o)))] };
}

/** `https://host[:port]` or `http://host[:port]`, nothing else. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
