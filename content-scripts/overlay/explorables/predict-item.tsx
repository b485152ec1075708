// Predict, then reveal: the reader picks an answer (a radio group), and only then can reveal the model's. The
// reveal moves the question's control to its setting (or runs its example) and says whether the guess matched.

import { t } from '../../../extension/ui/i18n';
import type { PredictAnnotation } from '../../../annotations/format/types';
import { usePackUi } from '../pack/pack-context';
import { RichHtml } from '../pack/rich-html';
import { onTrusted } from '../state/trusted';
import { ModelAnswer } from './model-answer';
import { useEntry, useExplorables } from './use-explorables';

export function PredictItem({ annotation, where }: { annotation: PredictAnnotation; where: string }) {
  const ui = usePackUi();
  const store = useExplorables();
  const body = annotation.body;
  const answerId = body.control ?? annotation.id;
  useEntry(store, annotation.id);
  useEntry(store, answerId);
  if (!ui || !store) return null;
  const idBase = `lt-xp-${where}-${annotation.id}`;
  const { guess, revealed } = store.predict(annotation.id);
  const answer = store.control(answerId);
  const best = answer?.top[0];
  const said = best ? (best.label ?? t('classN', best.index)) : null;
  const ready = revealed && answer?.status === 'done' && said !== null;
  return (
    <section class="xp-predict" data-xp-predict={annotation.id} aria-labelledby={`${idBase}-q`}>
      <div id={`${idBase}-q`} class="xp-question">
        <span class="xp-kicker">{t('xpPredict')}</span>
        <RichHtml html={ui.session.markdown(body.question)} class="prose" annotation={annotation} />
      </div>
      <fieldset class="xp-choice" disabled={revealed}>
        <legend>{t('xpYourGuess')}</legend>
        {body.options.map((option) => (
          <label key={option} class="xp-option">
            <input
              type="radio"
              name={`${idBase}-guess`}
              value={option}
              checked={guess === option}
              onChange={() => store.guess(annotation.id, option)}
            />
            <span>{option}</span>
          </label>
        ))}
      </fieldset>
      {!revealed && (
        <button
          type="button"
          class="primary xp-reveal"
          disabled={guess === null}
          aria-describedby={guess === null ? `${idBase}-hint` : undefined}
          onClick={onTrusted(() => void store.reveal(annotation.id))}
        >
          {t('xpReveal')}
        </button>
      )}
      {!revealed && guess === null && (
        <p id={`${idBase}-hint`} class="muted xp-hint">
          {t('xpChooseFirst')}
        </p>
      )}
      {revealed && (
        <div class="xp-revealed">
          <p class="xp-verdict" role="status">
            {ready
              ? guess === said
                ? t('xpSaidToo', guess ?? '', said)
                : t('xpSaid', guess ?? '', said)
              : answer?.status === 'error'
                ? t('xpCouldNotAnswer', answer.error ?? t('xpUnknownReason'))
                : t('xpAsking')}
          </p>
          {ready && <ModelAnswer state={answer} waiting="" />}
          {ready && body.explanation && (
            <RichHtml
              html={ui.session.markdown(body.explanation)}
              class="xp-explanation prose"
              annotation={annotation}
            />
          )}
        </div>
      )}
    </section>
  );
}
