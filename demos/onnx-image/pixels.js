// The ONNX shapes page's preprocessing as a pure function: canvas RGBA bytes → channels-first floats in [0, 1],
// averaged down to the model's input side, so Node tests can check it and the model on the very frames the page sees.

/**
 * @param {ArrayLike<number>} rgba canvas bytes, side × side × 4, row-major
 * @param {number} side canvas side in pixels (a multiple of inputSide)
 * @param {number} inputSide the model's input side
 * @returns {Float32Array} 3 × inputSide × inputSide values, channels first
 */
export function rgbaToChannelsFirst(rgba, side, inputSide) {
  const block = side / inputSide;
  if (!Number.isInteger(block) || block < 1)
    throw new Error(`canvas side ${side} is not a multiple of ${inputSide}`);
  const plane = inputSide * inputSide;
  const values = new Float32Array(3 * plane);
  const scale = 1 / (255 * block * block);
  for (let row = 0; row < inputSide; row++) {
    for (let col = 0; col < inputSide; col++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < block; dy++) {
          const start = ((row * block + dy) * side + col * block) * 4 + c;
          for (let dx = 0; dx < block; dx++) sum += rgba[start + dx * 4];
        }
        values[c * plane + row * inputSide + col] = sum * scale;
      }
    }
  }
  return values;
}

/**
 * RGB floats in [0, 1] (as renderSolidScene returns them) → the opaque RGBA bytes a canvas holds after putImageData.
 * @param {Float32Array} rgb side × side × 3
 * @returns {Uint8ClampedArray}
 */
export function rgbToRgbaBytes(rgb) {
  const out = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    out[j] = Math.round(rgb[i] * 255);
    out[j + 1] = Math.round(rgb[i + 1] * 255);
    out[j + 2] = Math.round(rgb[i + 2] * 255);
    out[j + 3] = 255;
  }
  return out;
}
