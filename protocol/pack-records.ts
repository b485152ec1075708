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
}

export interface Trust {
  /** Origins (`https://host[:port]`) whose share-link packs load without asking. */
  origins: string[];
}
