// The review feed the sentiment page classifies, one every few seconds, and its test-mode inputs: fixed phrases, so
// test runs repeat exactly. All words are in the tiny model's vocabulary except where a review says otherwise.

export const REVIEWS: readonly string[] = [
  'The acting was truly superb!',
  'the plot was not very clever',
  'What a delightful little film.',
  'I did not enjoy the meal',
  'the service was extremely slow',
  'My favourite album',
  'the ending was never boring',
  'i regretted this trip',
  'The music is quite beautiful',
  'a clumsy, lifeless script',
  'i loved the cast',
  'The hotel was not good',
  'it was really fun!',
  'the worst game',
  'an amazing performance',
  'the story is rather dull',
];

/** Labels in the model's output order (config.json id2label). */
export const SENTIMENT_LABELS = ['NEGATIVE', 'POSITIVE'] as const;

/** Scores from the pipeline (sorted by score) back in label order, so a digest does not depend on the ranking. */
export function scoresInLabelOrder(results: readonly { label: string; score: number }[]): Float32Array {
  const scores = new Float32Array(SENTIMENT_LABELS.length);
  for (const { label, score } of results) {
    const index = SENTIMENT_LABELS.indexOf(label as (typeof SENTIMENT_LABELS)[number]);
    if (index < 0) throw new Error(`unexpected label ${label}`);
    scores[index] = score;
  }
  return scores;
}
