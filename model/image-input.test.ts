import { describe, expect, it } from 'vitest';
import { imageInputSpec, imageToValues } from './image-input';

describe('image input', () => {
  it('takes the model input size, or the image size (capped) when free', () => {
    expect(imageInputSpec([null, 224, 224, 3], 'float32', { width: 640, height: 480 })).toEqual({
      height: 224,
      width: 224,
      channels: 3,
      dtype: 'float32',
    });
    expect(imageInputSpec([1, -1, -1, 3], 'int32', { width: 2048, height: 1024 })).toMatchObject({
      height: 512,
      width: 1024,
      dtype: 'int32',
    });
    expect(imageInputSpec([null, 8], 'float32', { width: 4, height: 4 })).toBeNull();
    expect(imageInputSpec([null, 4, 4, 2], 'float32', { width: 4, height: 4 })).toBeNull();
  });

  it('normalises to [0, 1] by default and by mean/std when asked', () => {
    const rgba = new Uint8Array([255, 0, 51, 255, 255, 0, 51, 255, 255, 0, 51, 255, 255, 0, 51, 255]);
    const spec = { height: 1, width: 1, channels: 3, dtype: 'float32' as const };
    expect(Array.from(imageToValues(rgba, 2, 2, spec))).toEqual([1, 0, 0.20000000298023224]);
    const pm1 = imageToValues(rgba, 2, 2, spec, { mean: [0.5], std: [0.5] });
    expect(Array.from(pm1).map((v) => Math.round(v * 100) / 100)).toEqual([1, -1, -0.6]);
    const gray = imageToValues(rgba, 2, 2, { ...spec, channels: 1 });
    expect(gray[0]).toBeCloseTo((0.299 * 255 + 0.114 * 51) / 255, 5);
    const ints = imageToValues(rgba, 2, 2, { ...spec, dtype: 'int32' });
    expect(Array.from(ints)).toEqual([255, 0, 51]);
  });

  it('resizes bilinearly (a left-to-right ramp stays a ramp)', () => {
    const w = 8;
    const rgba = new Uint8Array(w * 4);
    for (let x = 0; x < w; x++) rgba.set([x * 32, 0, 0, 255], x * 4);
    const out = imageToValues(rgba, w, 1, { height: 1, width: 4, channels: 1, dtype: 'float32' });
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThan(out[i - 1]!);
  });
});

describe('image input for a channels-first model', () => {
  it('reads [N, C, H, W]: channels from axis 1, height and width from axes 2 and 3', () => {
    const image = { width: 640, height: 480 };
    expect(imageInputSpec([1, 3, 32, 24], 'float32', image, 'channels-first')).toEqual({
      height: 32,
      width: 24,
      channels: 3,
      dtype: 'float32',
    });
    expect(imageInputSpec([1, 1, null, null], 'float32', image, 'channels-first')).toMatchObject({
      height: 480,
      width: 640,
      channels: 1,
    });
    // Read channels last, the same shape has 24 channels: not a picture.
    expect(imageInputSpec([1, 3, 32, 24], 'float32', image)).toBeNull();
  });
});
