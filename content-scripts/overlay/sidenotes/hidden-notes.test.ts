// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../annotations/format/types';
import type { PlacedItem } from '../pack/resolve';
import { hiddenNotes, hiddenReason } from './hidden-notes';

const note = (id: string): Annotation => ({
  id,
  type: 'Annotation',
  motivation: 'commenting',
  kind: 'note',
  body: { type: 'TextualBody', format: 'text/markdown', value: id },
});

function placedOn(id: string, element: Element): PlacedItem {
  const range = document.createRange();
  range.selectNodeContents(element);
  return {
    annotation: note(id),
    index: 0,
    page: { status: 'resolved', match: 'element', element, range, text: '', confidence: 1 } as never,
    model: null,
    alias: null,
  };
}

describe('notes about elements the page does not show', () => {
  it('says why: display none (itself or an ancestor), invisible, removed; shown elements have no reason', () => {
    document.body.innerHTML = `
      <video id="v" style="display:none"></video>
      <div style="display:none"><p id="inner">x</p></div>
      <p id="ghost" style="visibility:hidden">y</p>
      <p id="shown">z</p>`;
    const $ = (id: string) => document.getElementById(id)!;
    expect(hiddenReason($('v'))).toMatch(/hidden on this page \(display: none\)/);
    expect(hiddenReason($('inner'))).toMatch(/inside a part of the page that is hidden/);
    expect(hiddenReason($('ghost'))).toMatch(/visibility: hidden/);
    expect(hiddenReason($('shown'))).toBeNull();
    const gone = $('shown');
    gone.remove();
    expect(hiddenReason(gone)).toMatch(/no longer on the page/);
  });

  it('lists the placed notes that are hidden, with their reasons, and skips model-only ones', () => {
    document.body.innerHTML = `<video id="v" style="display:none"></video><p id="p">text</p>`;
    const placed = [
      placedOn('video-note', document.getElementById('v')!),
      placedOn('text-note', document.getElementById('p')!),
      { annotation: note('model-note'), index: 2, page: null, model: null, alias: null },
    ];
    expect(hiddenNotes(placed).map((h) => [h.annotation.id, h.reason])).toEqual([
      ['video-note', 'its element is hidden on this page (display: none)'],
    ]);
  });
});
