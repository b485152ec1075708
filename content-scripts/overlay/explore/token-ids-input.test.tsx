// @vitest-environment jsdom
// The token-id box in jsdom: without a vocabulary the reader edits ids, with the note that the tokenizer lives in the
// page; with one, words; the companions made to match are named; what is not a token is an alert and marks the box.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { TokenIdsInput } from './token-ids-input';

function show(props: Partial<Parameters<typeof TokenIdsInput>[0]> & { text: string }): HTMLElement {
  const host = document.createElement('div');
  render(
    <TokenIdsInput
      vocabulary={null}
      length={null}
      companions={['attention_mask', 'token_type_ids']}
      onText={() => undefined}
      {...props}
    />,
    host,
  );
  return host;
}

describe('TokenIdsInput', () => {
  it('ids without a vocabulary, with the reason and the companions', () => {
    const host = show({ text: '2 7 3' });
    const box = host.querySelector('input')!;
    expect(host.querySelector(`label[for="${box.id}"]`)!.textContent).toBe('Token ids, separated by spaces');
    const note = host.querySelector(`#${box.getAttribute('aria-describedby')!}`)!.textContent!;
    expect(note).toMatch(
      /^3 tokens, fed with attention_mask, token_type_ids made to match\. The page's tokenizer/,
    );
    expect(note).toMatch(/no pack gives this model's vocabulary/);
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('names what is not an id, a word without one, and a wrong length', () => {
    const bad = show({ text: '2 x 3' });
    expect(bad.querySelector('[role="alert"]')!.textContent).toMatch(/^Not a token id: “x”/);
    expect(bad.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    const words = show({ text: 'the zebra', vocabulary: ['[PAD]', 'the'] });
    expect(words.querySelector('label')!.textContent).toBe(
      'Type words, separated by spaces (2 tokens known)',
    );
    expect(words.textContent).not.toMatch(/tokenizer/);
    expect(words.querySelector('[role="alert"]')!.textContent).toMatch(/^Not in the vocabulary: “zebra”/);
    const short = show({ text: '2 3', length: 4, companions: [] });
    expect(short.querySelector('[role="alert"]')!.textContent).toBe(
      'The model takes exactly 4 ids; these are 2',
    );
    expect(short.textContent).toContain('2 tokens.');
    expect(show({ text: '2' }).textContent).toContain('1 token, fed with attention_mask');
  });
});
