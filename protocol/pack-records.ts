// The pack store's records as the background shows them to extension pages and content scripts: sources, packs,
// problems and trust. Plain JSON; how they are kept in storage.local is the background's own business.

import type { ValidationError } from '../annotations/format/validate';

/**
 * Where packs come from. `file` and `edit` are the reader's own: never updated from the network, only removed by
 * the reader. `link` and `inline` were accepted from share links.
 */
export type SourceKind = 'shipped' | 'url' | 'registry' | 'file' | 'edit' | 'link' | 'inline';
export const SOURCE_KINDS: readonly SourceKind[] = [
  'shipped',
  'url',
  'registry',
  'file',
  'edit',
  'link',
  'inline',
];

export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

/** Something that went wrong with a source, named so a person can act on it. */
export interface Problem {
  /** The URL or file name the problem is about. */
  where: string;
  reason: string;
  /** Validation errors of the pack text, with JSON pointer and line:column. */
  errors?: ValidationError[];
  at: number;
}

export interface Source {
  id: string;
  kind: SourceKind;
  /** For url, registry and link sources. */
  url?: string;
  /** What the options page calls it: the URL, the file name, the registry title. */
  label: string;
  addedAt: number;
  /** Last update attempt and last success (ms since epoch). */
  checkedAt?: number;
  updatedAt?: number;
  /** Conditional-request validators of the URL (the registry index for registries). */
  http?: HttpValidators;
  /** Shipped packs: the extension version they were read from. */
  version?: string;
  /** From the last update or import; empty when all is well. Old copies stay in use meanwhile. */
  problems: Problem[];
}

/** A pack copy's signature as checked when it was stored (annotations/format/signature.ts). */
export interface SignatureRecord {
  state: 'unsigned' | 'valid' | 'invalid';
  /** `ed25519:` + 16 hex digits of the public key's SHA-256 (valid, or claimed by a broken signature). */
  keyId?: string;
  /** Who signed, as the signer states it (not proven). */
  signer?: string;
  /** Why a signature is broken. */
  reason?: string;
}

/** This pack from this source used to be signed by one key and this copy is not (another key, unsigned, broken). */
export interface SignerChange {
  /** The key id the pack was known by. */
  from: string;
  /** This copy's key id, or null when it is unsigned or its signature is broken. */
  to: string | null;
  at: number;
}

/** One line for people about a pack's signature and a change of signer (overlay header, options page). */
export function signatureText(
  signature: SignatureRecord | undefined | null,
  change?: SignerChange | null,
): string {
  const own = !signature
    ? 'signature not checked'
    : signature.state === 'unsigned'
      ? 'unsigned'
      : signature.state === 'valid'
        ? `signed by ${signature.signer ? `“${signature.signer}” ` : ''}(key ${signature.keyId ?? '?'})`
        : `signature broken: ${signature.reason ?? 'it does not verify'}`;
  if (!change) return own;
  return `${own}. Warning: earlier copies of this pack from this source were signed by key ${change.from}; this one ${
    change.to ? `is signed by another key, ${change.to}` : 'is not validly signed by it'
  }`;
}

export interface PackAuthor {
  name: string;
  url?: string;
}

export interface PackRecord {
  /** Unique in the store: `<sourceId>:<pack id>`. */
  key: string;
  sourceId: string;
  /** Where the text was fetched from (a registry member's URL, or the url/link source's URL). */
  url?: string;
  /** SHA-256 (hex) of the text's UTF-8 bytes; the text lives under `text:<sha256>`. */
  sha256: string;
  packId: string;
  title: string;
  version: string;
  authors: PackAuthor[];
  license: string;
  pages: string[];
  /** The reader's switch; kept across updates and re-installs. */
  enabled: boolean;
  fetchedAt: number;
  http?: HttpValidators;
  /** Edits: the key of the pack this is an edited copy of. */
  derivedFrom?: string;
  /** The signature of this copy, checked when it was stored. */
  signature?: SignatureRecord;
  /** The key id that first validly signed this pack from this source: a later copy signed otherwise is flagged. */
  signerKeyId?: string;
  /** Set when this copy's signer differs from the key its source was known by. */
  signerChange?: SignerChange;
}

export interface Trust {
  /** Origins (`https://host[:port]`) whose share-link packs load without asking. */
  origins: string[];
}
