// Typed input for sequence models: characters (with a vocabulary) or token indices, encoded one-hot as the model
// takes them; characters the model has no index for are named.

import { t } from '../../../extension/ui/i18n';
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
      <label for="lt-ex-text">{vocabulary ? t('exTypeSentence') : t('exTypeTokens', vocab - 1)}</label>
      <input
        id="lt-ex-text"
        type="text"
        value={text}
        spellcheck={false}
        aria-describedby="lt-ex-text-note"
        onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="lt-ex-text-note" class="muted">
        {t('exOneHot', String(encoded.shape[1]), vocab)}
        {encoded.unknown.length > 0 && t('exNoIndex', encoded.unknown.map((u) => `“${u}”`).join(', '))}
        {encoded.cut > 0 && t('exCutOff', encoded.cut, String(steps))}
      </p>
    </div>
  );
}
