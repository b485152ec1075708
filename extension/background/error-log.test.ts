import { describe, expect, it } from 'vitest';
import { appendError, ErrorLog } from './error-log';
import { MemoryArea } from './packs/kv';

describe('error log', () => {
  it('keeps the newest entries only and drops damaged ones', () => {
    const list = appendError(
      [{ at: 1, where: 'a', message: 'x' }, 'junk', { at: 'no' }],
      { at: 2, where: 'b', message: 'y' },
      2,
    );
    expect(list).toEqual([
      { at: 1, where: 'a', message: 'x' },
      { at: 2, where: 'b', message: 'y' },
    ]);
    expect(appendError(list, { at: 3, where: 'c', message: 'z' }, 2).map((e) => e.at)).toEqual([2, 3]);
  });

  it('stores entries in order', async () => {
    const log = new ErrorLog(new MemoryArea());
    log.add('https://p/a.json', 'HTTP 404', 1);
    log.add('https://p/b.json', 'HTTP 500', 2);
    expect((await log.list()).map((e) => e.where)).toEqual(['https://p/a.json', 'https://p/b.json']);
  });
});
