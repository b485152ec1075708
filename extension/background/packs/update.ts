// Updating sources from the network: a pack URL (or an accepted share link) and registries. A failed or invalid
// update never replaces the copy in use; it is recorded as a problem naming the URL, pointer, line:column, reason.

import { LIMITS } from '../../../annotations/format/limits';
import { fetchText, type FetchLike } from './fetch-text';
import { loadPackText, sha256Hex } from './pack-text';
import { parseRegistryText, REGISTRY_LIMITS, type RegistryEntry } from './registry';
import type { Problem, Source } from './schema';
import type { PackStore } from './store';

export interface UpdateDeps {
  store: PackStore;
  fetch?: FetchLike;
  now?: () => number;
}

export interface UpdateReport {
  sourceId: string;
  /** Packs stored anew (first copy or a changed copy). */
  changed: number;
  problems: Problem[];
}

const CONCURRENCY = 4;

export async function updateSource(sourceId: string, deps: UpdateDeps): Promise<UpdateReport> {
  const source = deps.store.source(sourceId);
  if (!source) return { sourceId, changed: 0, problems: [] };
  if ((source.kind === 'url' || source.kind === 'link') && source.url)
    return updatePackUrl({ ...source, url: source.url }, deps);
  if (source.kind === 'registry' && source.url) return updateRegistry({ ...source, url: source.url }, deps);
  // Shipped, imported, edited and inline packs do not come from the network.
  return { sourceId, changed: 0, problems: source.problems };
}

async function updatePackUrl(source: Source & { url: string }, deps: UpdateDeps): Promise<UpdateReport> {
  const now = (deps.now ?? Date.now)();
  const { store } = deps;
  const existing = store.records(source.id);
  const result = await fetchText(source.url, {
    ...(existing.length > 0 && source.http ? { validators: source.http } : {}),
    maxBytes: LIMITS.packBytes,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const keeping = existing.length > 0 ? '; the previous copy stays in use' : '';
  let problems: Problem[] = [];
  let changed = 0;
  if (result.status === 'error') problems = [{ where: source.url, reason: result.reason + keeping, at: now }];
  else if (result.status === 'fresh') {
    const load = await loadPackText(result.text);
    if (!load.ok) {
      problems = [
        { where: source.url, reason: `the pack does not validate${keeping}`, errors: load.errors, at: now },
      ];
    } else {
      const record = await store.putPack(
        source.id,
        {
          text: result.text,
          sha256: load.sha256,
          pack: load.pack,
          url: source.url,
          ...(result.http ? { http: result.http } : {}),
        },
        now,
      );
      if (!existing.some((r) => r.sha256 === load.sha256)) changed = 1;
      await store.retainPacks(source.id, new Set([record.key]));
    }
  }
  const ok = problems.length === 0;
  await store.patchSource(source.id, {
    checkedAt: now,
    problems,
    ...(ok ? { updatedAt: now } : {}),
    ...(ok && result.status !== 'error' && result.http ? { http: result.http } : {}),
  });
  return { sourceId: source.id, changed, problems };
}

async function updateRegistry(source: Source & { url: string }, deps: UpdateDeps): Promise<UpdateReport> {
  const now = (deps.now ?? Date.now)();
  const { store } = deps;
  // After problems, ask for the index unconditionally so members that failed are tried again.
  const conditional = source.problems.length === 0 && store.records(source.id).length > 0 && source.http;
  const result = await fetchText(source.url, {
    ...(conditional ? { validators: source.http } : {}),
    maxBytes: REGISTRY_LIMITS.bytes,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  if (result.status !== 'fresh') {
    const problems =
      result.status === 'error'
        ? [{ where: source.url, reason: `${result.reason}; the packs already stored stay in use`, at: now }]
        : [];
    await store.patchSource(source.id, {
      checkedAt: now,
      problems,
      ...(problems.length === 0 ? { updatedAt: now } : {}),
    });
    return { sourceId: source.id, changed: 0, problems };
  }
  const parsed = parseRegistryText(result.text, result.finalUrl);
  if (!parsed.ok) {
    const problems: Problem[] = [
      {
        where: source.url,
        reason: 'the registry index is not valid; the packs already stored stay in use',
        errors: parsed.errors,
        at: now,
      },
    ];
    await store.patchSource(source.id, { checkedAt: now, problems });
    return { sourceId: source.id, changed: 0, problems };
  }
  const problems: Problem[] = [];
  const keep = new Set<string>();
  let changed = 0;
  const entries = [...parsed.registry.packs];
  const work = async (entry: RegistryEntry) => {
    const outcome = await updateMember(source.id, entry, deps, now);
    if (outcome.key) keep.add(outcome.key);
    if (outcome.changed) changed++;
    if (outcome.problem) problems.push(outcome.problem);
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let entry = entries.shift(); entry; entry = entries.shift()) await work(entry);
    }),
  );
  await store.retainPacks(source.id, keep);
  const ok = problems.length === 0;
  await store.patchSource(source.id, {
    label: parsed.registry.title,
    checkedAt: now,
    problems,
    ...(ok ? { updatedAt: now } : {}),
    ...(result.http ? { http: result.http } : {}),
  });
  return { sourceId: source.id, changed, problems };
}

async function updateMember(
  sourceId: string,
  entry: RegistryEntry,
  deps: UpdateDeps,
  now: number,
): Promise<{ key?: string; changed?: boolean; problem?: Problem }> {
  const { store } = deps;
  const key = `${sourceId}:${entry.id}`;
  const existing = store.record(key);
  if (existing && existing.sha256 === entry.sha256) return { key };
  const keeping = existing ? '; the previous copy stays in use' : '';
  const problem = (reason: string, errors?: Problem['errors']) => ({
    ...(existing ? { key } : {}),
    problem: { where: entry.url, reason: reason + keeping, at: now, ...(errors ? { errors } : {}) },
  });
  const result = await fetchText(entry.url, {
    ...(existing?.http && existing.url === entry.url ? { validators: existing.http } : {}),
    maxBytes: LIMITS.packBytes,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  if (result.status === 'error') return problem(result.reason);
  if (result.status === 'not-modified') {
    await store.touchPack(key, now, result.http);
    return problem(
      `the registry lists a new version (sha256 ${entry.sha256.slice(0, 12)}…) but the server still has the old file`,
    );
  }
  const sha = await sha256Hex(result.bytes);
  if (sha !== entry.sha256)
    return problem(
      `the file's sha256 is ${sha.slice(0, 12)}…, the registry lists ${entry.sha256.slice(0, 12)}… (one of them is out of date)`,
    );
  const load = await loadPackText(result.text);
  if (!load.ok) return problem('the pack does not validate', load.errors);
  if (load.pack.id !== entry.id)
    return problem(`the pack's id is ${load.pack.id}, the registry lists ${entry.id}`);
  await store.putPack(
    sourceId,
    {
      text: result.text,
      sha256: load.sha256,
      pack: load.pack,
      url: entry.url,
      ...(result.http ? { http: result.http } : {}),
    },
    now,
  );
  return { key, changed: true };
}
