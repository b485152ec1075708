// Typed input for sequence models: characters (with a vocabulary) or token indices, encoded one-hot as the model
// takes them; characters the model has no index for are named.

import { encodeSequence } from './sequence-text';

export interface SequenceTextProps {
  vocab: number;
  steps: number | null;
  vocabulary: readonly string[] | null;
  text: string;
  onText(text: string): void;
}

export function SequenceText({ vocab, steps, vocabulary, text, onText }: SequenceTextProps) {
  const encoded = encodeSequence(text, vocab, steps, vocabulary);
  return (
    <div class="ex-text">
      <label for="lt-ex-text">
        {vocabulary ? 'Type a sentence' : `Type token indices (0 … ${vocab - 1}), separated by spaces`}
      </label>
      <input
        id="lt-ex-text"
        type="text"
        value={text}
        spellcheck={false}
        aria-describedby="lt-ex-text-note"
        onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="lt-ex-text-note" class="muted">
        {encoded.shape[1]} rows of {vocab} (one-hot)
        {encoded.unknown.length > 0 &&
          `; no index for ${encoded.unknown.map((u) => `“${u}”`).join(', ')} (left empty)`}
        {encoded.cut > 0 && `; ${encoded.cut} cut off (the model takes ${steps})`}
      </p>
    </div>
  );
}
