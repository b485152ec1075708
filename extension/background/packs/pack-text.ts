// Turning pack text into a validated Pack, every time a pack is loaded: the annotations validator, a content hash,
// and the summary the store keeps beside the text.

import { validatePackText, type ValidationError } from '../../../annotations/format/validate';
import type { Pack } from '../../../annotations/format/types';
import type { PackRecord } from './schema';
import { toHex } from '../../../base/hex';

export type PackLoad = { ok: true; pack: Pack; sha256: string } | { ok: false; errors: ValidationError[] };

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

/** Validates pack text (JSON) with positions for every error; hashes it when valid. */
export async function loadPackText(text: string): Promise<PackLoad> {
  const result = validatePackText(text);
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, pack: result.pack, sha256: await sha256Hex(text) };
}

/** The fields of a pack record that come from the pack itself. */
export function summarize(
  pack: Pack,
): Pick<PackRecord, 'packId' | 'title' | 'version' | 'authors' | 'license' | 'pages'> {
  return {
    packId: pack.id,
    title: pack.title,
    version: pack.version,
    authors: pack.authors.map((a) => (a.url ? { name: a.name, url: a.url } : { name: a.name })),
    license: pack.license,
    pages: [...pack.targets.pages],
  };
}

/** One line per error: `where:line:col  /pointer  reason  (hint)`. */
export function describeErrors(where: string, errors: readonly ValidationError[], max = 5): string {
  const lines = errors.slice(0, max).map((e) => {
    const at = e.line !== undefined ? `${where}:${e.line}:${e.column ?? 1}` : where;
    return `${at}  ${e.pointer || '/'}  ${e.reason}${e.hint ? `  (${e.hint})` : ''}`;
  });
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('\n');
}
