import { describe, expect, it } from 'vitest';
import { concatBytes, readCapped } from './bytes';
import { toHex } from './hex';
import { isRec } from './is-record';
import { Listeners } from './listeners';
import { randomId } from './random-id';

const streamOf = (chunks: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel: () => onCancel?.(),
  });

describe('isRec', () => {
  it('is true for plain objects only', () => {
    expect(isRec({})).toBe(true);
    expect(isRec({ a: 1 })).toBe(true);
    expect(isRec(Object.create(null))).toBe(true);
    for (const v of [null, undefined, [], [1], 'x', 1, true, () => 1]) expect(isRec(v)).toBe(false);
  });
});

describe('toHex and randomId', () => {
  it('writes two lower-case hex digits a byte', () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe('00010f10abff');
    expect(toHex(new Uint8Array())).toBe('');
  });

  it('makes prefixed ids of the asked length that differ', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomId(8, 'd')));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^d[0-9a-f]{16}$/);
    expect(randomId(12)).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('Listeners', () => {
  it('tells every listener until its signal aborts, and goes on past one that throws', () => {
    const list = new Listeners<number>();
    const heard: string[] = [];
    const stop = new AbortController();
    list.add((v) => heard.push(`a${v}`), stop.signal);
    list.add(() => {
      throw new Error('boom');
    });
    list.add((v) => heard.push(`b${v}`));
    list.emit(1);
    stop.abort();
    list.emit(2);
    expect(heard).toEqual(['a1', 'b1', 'b2']);
    expect(list.size).toBe(2);
  });

  it('adds nothing for an aborted signal; the returned function removes just that add', () => {
    const list = new Listeners<string>();
    const heard: string[] = [];
    const listener = (v: string) => heard.push(v);
    list.add(listener, AbortSignal.abort());
    expect(list.size).toBe(0);
    const removeFirst = list.add(listener);
    list.add(listener);
    removeFirst();
    list.emit('x');
    expect(heard).toEqual(['x']);
    list.clear();
    list.emit('y');
    expect(heard).toEqual(['x']);
  });
});

describe('concatBytes and readCapped', () => {
  it('joins chunks in order', () => {
    expect([...concatBytes([Uint8Array.of(1, 2), new Uint8Array(), Uint8Array.of(3)])]).toEqual([1, 2, 3]);
  });

  it('reads a stream up to the cap, inclusive', async () => {
    const bytes = await readCapped(streamOf([Uint8Array.of(1, 2), Uint8Array.of(3, 4)]), 4);
    expect(bytes && [...bytes]).toEqual([1, 2, 3, 4]);
  });

  it('stops and cancels the stream as soon as it passes the cap', async () => {
    let cancelled = false;
    const chunks = [Uint8Array.of(1, 2), Uint8Array.of(3, 4), Uint8Array.of(5)];
    const bytes = await readCapped(
      streamOf(chunks, () => (cancelled = true)),
      3,
    );
    expect(bytes).toBeNull();
    expect(cancelled).toBe(true);
  });
});
