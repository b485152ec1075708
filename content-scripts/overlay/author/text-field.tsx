// One labelled text field of the authoring panel: a textarea for prose and TeX, an input for a line.

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
  return (
    <div class="author-field">
      <label htmlFor={id}>{label}</label>
      {rows > 1 ? (
        <textarea
          id={id}
          rows={rows}
          value={value}
          spellcheck
          onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
        />
      ) : (
        <input id={id} value={value} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
      )}
    </div>
  );
}
