import { describe, expect, it } from 'vitest';
import { displayName } from './model-name';

describe('displayName', () => {
  it('keeps a real model name', () => {
    expect(displayName('digits_cnn', null)).toBe('digits_cnn');
    expect(displayName('mobilenet', 'https://x.test/a/model.json')).toBe('mobilenet');
  });

  it('names a bare model.json by its folder', () => {
    expect(displayName('model.json', 'https://x.test/models/pose%20net/model.json')).toBe('pose net');
    expect(displayName('model-stride16.json', 'https://x.test/posenet/model-stride16.json')).toBe(
      'posenet · model-stride16',
    );
  });

  it('reads back past folders that say nothing (versions, quantisation, formats)', () => {
    expect(
      displayName(
        'model-stride16.json',
        'https://storage.googleapis.com/tfjs-models/savedmodel/posenet/mobilenet/quant2/075/model-stride16.json',
      ),
    ).toBe('mobilenet/quant2/075 · model-stride16');
    expect(
      displayName(
        'model.json',
        'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file',
      ),
    ).toBe('mobilenet_v1_025_224/classification/1');
    expect(
      displayName(
        'model.json',
        'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/model.json',
      ),
    ).toBe('img_classification');
    expect(displayName('model.json', 'https://x.test/1/2/3/4/model.json')).toBe('2/3/4');
  });

  it('falls back to the file name without a usable URL', () => {
    expect(displayName('model.json', null)).toBe('model.json');
    expect(displayName('model.json', 'https://x.test/model.json')).toBe('model.json');
    expect(displayName('model.json', 'not a url')).toBe('model.json');
  });
});
