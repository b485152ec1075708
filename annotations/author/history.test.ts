import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, record, redo, seal, startHistory, undo } from './history';

describe('history', () => {
  it('undoes and redoes, and a new change drops the redo branch', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    h = undo(undo(h));
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = record(h, 'x');
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it('merges a burst of edits with one key into one step, until sealed or another key comes', () => {
    let h = startHistory('');
    for (const s of ['h', 'he', 'hel', 'hell', 'hello']) h = record(h, s, 'note-1/body');
    h = record(h, 'hello!', 'note-1/title');
    expect(undo(h).present).toBe('hello');
    expect(undo(undo(h)).present).toBe('');
    h = seal(record(startHistory('a'), 'ab', 'k'));
    h = record(h, 'abc', 'k');
    expect(undo(h).present).toBe('ab');
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});
