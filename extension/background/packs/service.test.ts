import { describe, expect, it } from 'vitest';
import { FakeHost } from './fake-host';
import { MemoryArea } from './kv';
import { PackService, parseShippedIndex } from './service';
import { packText } from './testing';

function shippedFiles(files: Record<string, string>) {
  return async (path: string) => files[path] ?? null;
}

describe('PackService', () => {
  it('refuses an invalid import, naming the file, pointer, line:column and reason', async () => {
    const service = new PackService({ area: new MemoryArea() });
    const text = packText().replace('"license": "CC-BY-4.0"', '"licence": "CC-BY-4.0"');
    const result = await service.importFile('broken.json', text);
    expect(result).toMatchObject({ ok: false, where: 'broken.json', reason: 'the file is not a valid pack' });
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        pointer: '/licence',
        line: expect.any(Number),
        column: 3,
        hint: expect.stringMatching(/license/),
      }),
    );
    expect(await service.usable()).toEqual([]);
  });

  it('imports a valid file and tells listeners', async () => {
    let changes = 0;
    const service = new PackService({ area: new MemoryArea(), onChange: () => changes++ });
    expect(await service.importFile('mine.json', packText())).toMatchObject({
      ok: true,
      packKey: 'files:test-pack',
    });
    expect((await service.usable()).map((u) => u.record.url)).toEqual(['mine.json']);
    expect(changes).toBe(1);
  });

  it('re-installing shipped packs on an update keeps the reader’s switches and own packs', async () => {
    const area = new MemoryArea();
    const service = new PackService({ area });
    const v1 = shippedFiles({
      'packs/index.json': '{"packs": ["a.json", "b.json"]}',
      'packs/a.json': packText({ id: 'a' }),
      'packs/b.json': packText({ id: 'b' }),
    });
    expect(await service.installShipped('0.1.0', v1)).toEqual([]);
    await service.importFile('mine.json', packText({ id: 'mine' }));
    const store = await service.store();
    await store.setEnabled('shipped:a', false);
    // Same version: nothing is read again.
    let reads = 0;
    await service.installShipped('0.1.0', async () => (reads++, null));
    expect(reads).toBe(0);
    // A new version drops b, updates a, and keeps a switched off.
    const v2 = shippedFiles({
      'packs/index.json': '{"packs": ["a.json"]}',
      'packs/a.json': packText({ id: 'a', version: '2.0.0' }),
    });
    await service.installShipped('0.2.0', v2);
    const reopened = new PackService({ area });
    const records = (await reopened.store()).records();
    expect(records.map((r) => [r.key, r.version, r.enabled])).toEqual([
      ['shipped:a', '2.0.0', false],
      ['files:mine', '1.0.0', true],
    ]);
  });

  it('reports a shipped pack that does not validate', async () => {
    const service = new PackService({ area: new MemoryArea() });
    const problems = await service.installShipped(
      '1',
      shippedFiles({ 'packs/index.json': '{"packs": ["bad.json"]}', 'packs/bad.json': '{' }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ where: 'packs/bad.json', errors: [expect.objectContaining({ line: 1 })] }),
    ]);
  });

  it('subscribes to a URL even when the first fetch fails, and says why', async () => {
    const host = new FakeHost();
    const service = new PackService({ area: new MemoryArea(), fetch: host.fetch });
    const result = await service.addRemote('url', 'https://packs.example.org/missing.json');
    expect(result).toMatchObject({
      ok: false,
      reason: 'packs.example.org answered HTTP 404 Not Found',
      sourceId: expect.any(String),
    });
    expect((await service.store()).sources()).toHaveLength(1);
    expect(await service.addRemote('registry', 'ftp://x/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/http or https/),
    });
  });

  it('reads only plain file names from the shipped index', () => {
    expect(parseShippedIndex('{"packs": ["a.json", "../x.json", "index.json", 3, "b.txt"]}')).toEqual([
      'a.json',
    ]);
    expect(parseShippedIndex('nope')).toEqual([]);
    expect(parseShippedIndex(null)).toEqual([]);
  });
});
