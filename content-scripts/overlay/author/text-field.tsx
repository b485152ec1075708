// One labelled text field of the authoring panel: a textarea for prose and TeX, an input for a line. The page can
// set a field's value behind our back (the shadow root is open): before the reader's next keystroke lands, the field
// gets back the text the reader last typed, so the page's text never rides along into the draft.

import { useEffect, useRef } from 'preact/hooks';

export function TextField({
  id,
  label,
  value,
  onInput,
  rows,
}: {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  rows: number;
}) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const accepted = useRef(value);
  accepted.current = value;
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    const restore = () => {
      if (el.value !== accepted.current) el.value = accepted.current;
    };
    el.addEventListener('beforeinput', restore);
    return () => el.removeEventListener('beforeinput', restore);
  }, []);
  const changed = (e: Event) => {
    const text = (e.currentTarget as HTMLInputElement).value;
    accepted.current = text;
    onInput(text);
  };
  return (
    <div class="author-field">
      <label htmlFor={id}>{label}</label>
      {rows > 1 ? (
        <textarea ref={field} id={id} rows={rows} value={value} spellcheck onInput={changed} />
      ) : (
        <input ref={field} id={id} value={value} onInput={changed} />
      )}
    </div>
  );
}
