// Draws a 2-D classifier's world on a canvas — decision regions, data points, clicked points — and maps
// pointer positions to model coordinates in [-1, 1]²; shared by the decision-regions and legacy-spiral pages.

/**
 * Centres of an n × n grid over [-1, 1]², row by row from the top (y = +1) — the batch a page predicts to paint
 * its regions.
 * @param {number} n cells per side
 * @returns {Float32Array} x0, y0, x1, y1, …
 */
export function gridPoints(n) {
  const points = new Float32Array(n * n * 2);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      points[2 * i] = -1 + (2 * col + 1) / n;
      points[2 * i + 1] = 1 - (2 * row + 1) / n;
    }
  }
  return points;
}

/**
 * @param {string} hex like #3d5a80
 * @returns {[number, number, number]}
 */
export function hexToRgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * Paints n × n cells: each takes its most likely class's colour, paler where the model is unsure.
 * @param {CanvasRenderingContext2D} context
 * @param {ArrayLike<number>} probs n·n rows of class probabilities
 * @param {number} n
 * @param {readonly string[]} colours CSS hex colour per class
 * @param {number} [strength] how strongly to tint (0–1)
 */
export function paintRegions(context, probs, n, colours, strength = 0.55) {
  const classes = colours.length;
  const rgb = colours.map(hexToRgb);
  const { width, height } = context.canvas;
  const image = context.createImageData(width, height);
  for (let y = 0; y < height; y++) {
    const row = Math.min(n - 1, Math.floor((y * n) / height));
    for (let x = 0; x < width; x++) {
      const col = Math.min(n - 1, Math.floor((x * n) / width));
      const base = (row * n + col) * classes;
      let best = 0;
      for (let c = 1; c < classes; c++) if ((probs[base + c] ?? 0) > (probs[base + best] ?? 0)) best = c;
      const tint = strength * (probs[base + best] ?? 0);
      const colour = rgb[best] ?? [0, 0, 0];
      const o = 4 * (y * width + x);
      image.data[o] = Math.round(255 + (colour[0] - 255) * tint);
      image.data[o + 1] = Math.round(255 + (colour[1] - 255) * tint);
      image.data[o + 2] = Math.round(255 + (colour[2] - 255) * tint);
      image.data[o + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}

/**
 * Model coordinates of a pointer event over the canvas.
 * @param {HTMLCanvasElement} canvas
 * @param {{clientX: number, clientY: number}} event
 * @returns {{x: number, y: number}}
 */
export function planePointOf(canvas, event) {
  const box = canvas.getBoundingClientRect();
  return {
    x: ((event.clientX - box.left) / box.width) * 2 - 1,
    y: 1 - ((event.clientY - box.top) / box.height) * 2,
  };
}

/**
 * Draws a dot at model coordinates (x, y).
 * @param {CanvasRenderingContext2D} context
 * @param {number} x
 * @param {number} y
 * @param {string} colour
 * @param {{radius?: number, ring?: boolean}} [style] ring: a larger outlined marker for user points
 */
export function drawPoint(context, x, y, colour, style = {}) {
  const { width, height } = context.canvas;
  const px = ((x + 1) / 2) * width;
  const py = ((1 - y) / 2) * height;
  context.beginPath();
  context.arc(px, py, style.radius ?? 2.5, 0, 2 * Math.PI);
  context.fillStyle = colour;
  context.fill();
  if (style.ring) {
    context.lineWidth = 2.5;
    context.strokeStyle = '#1d2433';
    context.stroke();
  }
}

/** Fills a legend list with one colour swatch and label per class. */
export function showLegend(legend, labels, colours) {
  labels.forEach((label, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colours[i];
    item.append(swatch, label);
    legend.append(item);
  });
}

/** Calls onPoint(x, y) for a click on the plane or a submitted point form (#point-x, #point-y), clamped to ±1. */
export function listenForPoints(canvas, form, onPoint) {
  canvas.addEventListener('click', (event) => {
    const { x, y } = planePointOf(canvas, event);
    onPoint(x, y);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const clamp = (v) => Math.max(-1, Math.min(1, v));
    const x = Number(form.querySelector('#point-x').value);
    const y = Number(form.querySelector('#point-y').value);
    onPoint(clamp(x), clamp(y));
  });
}
