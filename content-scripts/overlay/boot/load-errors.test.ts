import { describe, expect, it } from 'vitest';
import { onLoadError, reportLoadError } from './load-errors';

describe('load errors of the overlay’s pieces', () => {
  it('reaches every listener in words, replays the last one to a late listener, and stops at abort', () => {
    const heard: string[] = [];
    const stop = new AbortController();
    onLoadError((m) => heard.push(m), stop.signal);
    expect(heard).toEqual([]);
    reportLoadError('math', new Error('Loading chunk katex failed'));
    expect(heard).toEqual([
      'Literate could not load its math typesetting (KaTeX) (Loading chunk katex failed). Reload the page to try ' +
        'again; if it keeps failing, reload the extension.',
    ]);
    const late: string[] = [];
    onLoadError((m) => late.push(m), new AbortController().signal);
    expect(late).toEqual(heard);
    stop.abort();
    reportLoadError('renderer', 'offline');
    expect(heard).toHaveLength(1);
    expect(late[1]).toContain('the part that draws explanations (offline)');
  });
});
