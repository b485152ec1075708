// Typed input for a text model's token ids: words through the pack's vocabulary, or the ids themselves with a note
// that the page's tokenizer is out of reach; what is not a token is named, and the companion inputs are listed.

import { t, tn } from '../../../extension/ui/i18n';
import { encodeTokenIds } from './token-ids';

export interface TokenIdsInputProps {
  vocabulary: readonly string[] | null;
  /** The model's fixed length (null: any). */
  length: number | null;
  /** The inputs the probe makes to match (attention_mask, token_type_ids…), by name. */
  companions: readonly string[];
  text: string;
  onText(text: string): void;
}

export function TokenIdsInput({ vocabulary, length, companions, text, onText }: TokenIdsInputProps) {
  const encoded = encodeTokenIds(text, vocabulary);
  const count = encoded.ids.length;
  const problem =
    encoded.unknown.length > 0
      ? t('exTokensUnknown', encoded.unknown.map((u) => `“${u}”`).join(', '))
      : encoded.bad.length > 0
        ? t('exTokensBad', encoded.bad.map((u) => `“${u}”`).join(', '))
        : length !== null && count > 0 && count !== length
          ? t('exTokensLength', length, count)
          : null;
  return (
    <div class="ex-text" data-testid="ex-tokens">
      <label for="lt-ex-tokens">{vocabulary ? t('exTokenWords', vocabulary.length) : t('exTokenIds')}</label>
      <input
        id="lt-ex-tokens"
        type="text"
        value={text}
        spellcheck={false}
        aria-describedby="lt-ex-tokens-note"
        aria-invalid={problem !== null}
        onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="lt-ex-tokens-note" class="muted">
        {companions.length > 0
          ? tn('exTokensFed', count, companions.join(', '))
          : tn('exTokensFedAlone', count)}
        {!vocabulary && <> {t('exTokenizerInPage')}</>}
      </p>
      {problem && (
        <p class="ex-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
