// Registries: a static JSON index listing packs (REGISTRY.md), so annotators publish with nothing but a file host.
// Parsed strictly, with JSON pointers and line:column for every problem, like packs.

import { parseJsonSource, positionAt } from '../../../annotations/format/json-source';
import type { ValidationError } from '../../../annotations/format/validate';
import { packUrlProblem } from '../../share/share-link';
import { isRec } from '../../../base/is-record';

export const REGISTRY_FORMAT = 1;
export const REGISTRY_LIMITS = { bytes: 1024 * 1024, packs: 500 } as const;

export interface RegistryEntry {
  /** Absolute URL of the pack file (relative URLs in the index are resolved against the index URL). */
  url: string;
  id: string;
  title: string;
  version: string;
  /** Hex SHA-256 of the pack file's bytes. */
  sha256: string;
  targets: { pages: string[]; models: string[] };
  description?: string;
}

export interface Registry {
  title: string;
  homepage?: string;
  packs: RegistryEntry[];
}

export type RegistryParse = { ok: true; registry: Registry } | { ok: false; errors: ValidationError[] };

export function parseRegistryText(text: string, indexUrl: string): RegistryParse {
  const source = parseJsonSource(text);
  if (source.syntaxError) {
    const { offset, reason, hint } = source.syntaxError;
    return {
      ok: false,
      errors: [
        {
          pointer: '',
          ...positionAt(text, offset),
          reason: `invalid JSON: ${reason}`,
          ...(hint ? { hint } : {}),
        },
      ],
    };
  }
  const errors: ValidationError[] = [];
  const fail = (pointer: string, reason: string, hint?: string) =>
    errors.push({ pointer, ...source.locate(pointer), reason, ...(hint ? { hint } : {}) });
  const root = source.value;
  if (!isRec(root)) {
    fail('', 'a registry is a JSON object');
    return { ok: false, errors };
  }
  if (root.literateRegistry !== REGISTRY_FORMAT)
    fail('/literateRegistry', `must be ${REGISTRY_FORMAT}`, 'start the index with "literateRegistry": 1');
  const title = typeof root.title === 'string' && root.title.trim() ? root.title.slice(0, 200) : null;
  if (!title) fail('/title', 'a registry needs a title');
  const homepage =
    typeof root.homepage === 'string' && !packUrlProblem(root.homepage) ? root.homepage : undefined;
  if (root.homepage !== undefined && !homepage) fail('/homepage', 'must be an http(s) URL');
  const packs: RegistryEntry[] = [];
  if (!Array.isArray(root.packs)) fail('/packs', 'must be an array of pack entries');
  else if (root.packs.length > REGISTRY_LIMITS.packs)
    fail('/packs', `lists more than ${REGISTRY_LIMITS.packs} packs`);
  else {
    const ids = new Set<string>();
    root.packs.forEach((raw, i) => {
      const at = `/packs/${i}`;
      if (!isRec(raw)) return fail(at, 'must be an object');
      const before = errors.length;
      let url = '';
      if (typeof raw.url !== 'string') fail(`${at}/url`, 'must be the URL of the pack file');
      else {
        try {
          url = new URL(raw.url, indexUrl).href;
          const problem = packUrlProblem(url);
          if (problem) fail(`${at}/url`, problem);
        } catch {
          fail(`${at}/url`, 'is not a URL');
        }
      }
      const stringField = (name: string, max: number) => {
        const v = raw[name];
        if (typeof v !== 'string' || v.length === 0 || v.length > max)
          fail(`${at}/${name}`, `must be a string of 1–${max} characters`);
        return typeof v === 'string' ? v : '';
      };
      const id = stringField('id', 2048);
      const entryTitle = stringField('title', 200);
      const version = stringField('version', 256);
      const sha256 = typeof raw.sha256 === 'string' ? raw.sha256.toLowerCase() : '';
      if (!/^[0-9a-f]{64}$/.test(sha256))
        fail(`${at}/sha256`, 'must be the SHA-256 of the pack file, 64 hex digits', 'sha256sum pack.json');
      if (ids.has(id)) fail(`${at}/id`, `pack id ${id} is listed twice`);
      ids.add(id);
      const targets = isRec(raw.targets) ? raw.targets : null;
      const strings = (v: unknown) =>
        Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      if (!targets || !Array.isArray(targets.pages))
        fail(`${at}/targets`, 'must summarize the pack’s targets: {"pages": [...], "models": [...]}');
      if (errors.length > before) return;
      const entry: RegistryEntry = {
        url,
        id,
        title: entryTitle,
        version,
        sha256,
        targets: { pages: strings(targets?.pages), models: strings(targets?.models) },
      };
      if (typeof raw.description === 'string') entry.description = raw.description.slice(0, 5000);
      packs.push(entry);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, registry: { title: title ?? '', ...(homepage ? { homepage } : {}), packs } };
}
