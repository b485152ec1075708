import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../../model/model-graph';
import { callable, openingModel } from './use-called-models';

const m = (id: string, hold?: ModelSummary['hold']): ModelSummary =>
  ({ id, kind: 'graph', name: id, sourceUrl: null, ...(hold ? { hold } : {}) }) as unknown as ModelSummary;

describe('the model the panel opens on', () => {
  const a = m('a');
  const b = m('b');
  it('keeps the usual default while nothing is known, or when the page calls it', () => {
    expect(openingModel(a, [a, b], [])).toBe(a);
    expect(openingModel(a, [a, b], ['b', 'a'])).toBe(a);
  });
  it('moves to the model the page was seen calling when it does not call the default', () => {
    expect(openingModel(a, [a, b], ['b'])).toBe(b);
  });
  it('only models the page still holds can be called', () => {
    expect(callable(m('x'))).toBe(true);
    expect(callable(m('x', 'pinned'))).toBe(true);
    expect(callable(m('x', 'collected'))).toBe(false);
    expect(callable(m('x', 'reloaded'))).toBe(false);
  });
});
