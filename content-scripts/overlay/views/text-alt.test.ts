import { describe, expect, it } from 'vitest';
import { histogram, summarize } from './stats';
import { histogramText, mapsText, shapeText, statsText, vectorText } from './text-alt';

describe('text alternatives', () => {
  it('gives feature maps’ shape, range, mean and strongest channels', () => {
    // 2 × 2 maps, 3 channels: channel 2 strongest, then 0, then 1.
    const values = Float32Array.from([1, 0, 5, 1, 0, 5, 1, 0, 5, 1, -4, 5]);
    const maps = { height: 2, width: 2, channels: 3, values };
    const text = mapsText('conv1', [1, 2, 2, 3], maps, 3, summarize(values));
    expect(text).toBe(
      '3 of 3 feature maps of conv1, each 2 × 2; shape 1 × 2 × 2 × 3; min -4, max 5, mean 1.67, std 2.69, ' +
        'zeros 25%. Strongest channels by mean: 2 (5), 0 (1), 1 (-1).',
    );
  });

  it('names a single map a heat map and skips the channel ranking', () => {
    const values = Float32Array.from([0.5, 0.25]);
    const text = mapsText(
      'lstm',
      [1, 2, 1],
      { height: 2, width: 1, channels: 1, values },
      1,
      summarize(values),
    );
    expect(text).toMatch(/^Heat map of lstm, 2 × 1; shape 1 × 2 × 1; min 0.25, max 0.5, mean 0.375/);
    expect(text).not.toMatch(/Strongest/);
  });

  it('lists a vector’s largest entries by their names', () => {
    const values = Float32Array.from([0.1, 0.7, 0.2]);
    const text = vectorText(
      'Probabilities',
      [1, 3],
      values,
      summarize(values),
      (i) => ['cat', 'dog', 'fox'][i]!,
      2,
    );
    expect(text).toMatch(/^Probabilities: 3 values; shape 1 × 3; min 0.1, max 0.7, mean 0.333/);
    expect(text).toMatch(/Largest: dog 0.7, fox 0.2\.$/);
  });

  it('gives a histogram’s range, statistics and fullest bin', () => {
    const values = Float32Array.from([-1, -0.9, 0.1, 0.2, 0.3, 1]);
    const text = histogramText('kernel', [3, 2], histogram(values, 4), summarize(values));
    expect(text).toMatch(/^Histogram of kernel, shape 3 × 2, 4 bins from -1 to 1; min -1, max 1/);
    expect(text).toMatch(/Fullest bin: 0 to 0.5 \(3 values\)\.$/);
  });

  it('writes shapes and statistics plainly', () => {
    expect(shapeText([])).toBe('scalar');
    expect(statsText({ min: 0, max: 1, mean: 0.5 })).toBe('min 0, max 1, mean 0.5');
  });
});
