// @vitest-environment jsdom
// The page's synthetic events never reach a privileged handler (issue 15). jsdom's events are all untrusted; the
// rules for trusted events the page's script can still cause (requestSubmit, label.click, execCommand) are tested
// with a stand-in for isTrusted.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptSyntheticEventsInTests, guardSubtree, isTrustedEvent, onTrusted } from './trusted';

function fixture() {
  document.body.innerHTML = `<section id="s"><form id="f"><input id="t" name="t"><label id="l" for="c">c</label>
    <input id="c" type="checkbox"><select id="sel"><option>a</option><option>b</option></select>
    <button id="b" type="submit">Go</button></form><button id="k" type="button">Keep</button></section>`;
  const $ = (id: string) => document.getElementById(id)!;
  return { $, section: $('s') };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('trusted input only', () => {
  it('onTrusted runs a handler only for a trusted event; the test switch is refused outside vitest', () => {
    const handler = vi.fn();
    onTrusted(handler)(new MouseEvent('click'));
    expect(handler).not.toHaveBeenCalled();
    expect(isTrustedEvent(new Event('input'))).toBe(false);
    acceptSyntheticEventsInTests(true);
    onTrusted(handler)(new MouseEvent('click'));
    acceptSyntheticEventsInTests(false);
    expect(handler).toHaveBeenCalledTimes(1);
    const env = process.env.VITEST;
    delete process.env.VITEST;
    try {
      expect(() => acceptSyntheticEventsInTests(true)).toThrow(/unit tests only/);
    } finally {
      process.env.VITEST = env;
    }
  });

  it('a guarded subtree stops every synthetic event before its handlers, and a synthetic click submits nothing', () => {
    const { $, section } = fixture();
    const unguard = guardSubtree(section);
    const seen: string[] = [];
    for (const type of ['click', 'keydown', 'input', 'change', 'submit', 'drop'])
      section.addEventListener(type, () => seen.push(type));
    const submitted = vi.fn((e: Event) => e.preventDefault());
    $('f').addEventListener('submit', submitted);
    $('k').click();
    $('b').click();
    $('k').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    $('t').dispatchEvent(new Event('input', { bubbles: true }));
    $('sel').dispatchEvent(new Event('change', { bubbles: true }));
    $('s').dispatchEvent(new Event('drop', { bubbles: true }));
    ($('f') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(seen).toEqual([]);
    expect(submitted).not.toHaveBeenCalled();
    unguard();
    $('k').click();
    expect(seen).toEqual(['click']);
  });

  it('trusted input, change and submit count only after the reader’s own intent on that element, once each', () => {
    const { $, section } = fixture();
    // Stand-in for isTrusted: the events this test marks, like those the browser makes for script-caused actions.
    const marked = new WeakSet<Event>();
    const fire = (id: string, e: Event) => (marked.add(e), $(id).dispatchEvent(e));
    guardSubtree(section, (e) => marked.has(e));
    const got: string[] = [];
    for (const type of ['input', 'change', 'submit'])
      section.addEventListener(type, (e) => {
        got.push(`${type}@${(e.target as Element).id}`);
        e.preventDefault();
      });
    const input = () => new InputEvent('input', { bubbles: true });
    // execCommand('insertText') from the page: a trusted input with no beforeinput. Refused.
    fire('t', input());
    // The reader types: beforeinput then input. Accepted, once; a second input with no new intent is refused.
    fire('t', new InputEvent('beforeinput', { bubbles: true }));
    fire('t', input());
    fire('t', input());
    // label.click() from the page: an untrusted click on the label, then trusted input/change on the box. Refused.
    $('l').click();
    fire('c', input());
    fire('c', new Event('change', { bubbles: true }));
    // The reader picks in the select: pointer down on it, then input and change. Accepted.
    fire('sel', new PointerEvent('pointerdown', { bubbles: true }));
    fire('sel', new Event('change', { bubbles: true }));
    // requestSubmit() from the page: a trusted submit with no click on its submitter. Refused, and not submitted.
    const submit = (submitter: HTMLElement | null) => {
      const e = new Event('submit', { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'submitter', { value: submitter });
      fire('f', e);
      return e.defaultPrevented;
    };
    expect(submit($('b'))).toBe(true);
    // The reader clicks the submit button (or presses Enter in the form: a trusted click on it). Accepted, once.
    // (jsdom would submit on its own, untrusted, on the click: the browser's submit is the one fired below.)
    $('b').addEventListener('click', (e) => e.preventDefault());
    fire('b', new MouseEvent('click', { bubbles: true, cancelable: true }));
    submit($('b'));
    submit($('b'));
    expect(got).toEqual(['input@t', 'change@sel', 'submit@f']);
  });
});
