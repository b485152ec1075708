// Shows class probabilities as labelled bars, the way tf.js example pages do; shared by the image demos.

/**
 * Renders one row per class (or the `limit` most likely, best first) into `list`, reusing rows between calls
 * so a page can update it every frame.
 * @param {HTMLElement} list an <ul> or <ol>
 * @param {readonly string[]} labels class names in output order
 * @param {ArrayLike<number>} probs probabilities in output order
 * @param {{limit?: number}} [options] show only the `limit` most likely classes, sorted
 */
export function showProbabilities(list, labels, probs, options = {}) {
  const order = labels.map((_, i) => i);
  if (options.limit !== undefined) order.sort((a, b) => (probs[b] ?? 0) - (probs[a] ?? 0));
  const shown = options.limit === undefined ? order : order.slice(0, options.limit);
  let best = 0;
  for (let i = 1; i < labels.length; i++) if ((probs[i] ?? 0) > (probs[best] ?? 0)) best = i;
  while (list.children.length < shown.length) list.append(makeRow());
  while (list.children.length > shown.length) list.lastElementChild?.remove();
  shown.forEach((classIndex, row) => {
    const item = /** @type {HTMLElement} */ (list.children[row]);
    const name = labels[classIndex] ?? `class ${classIndex}`;
    const p = probs[classIndex] ?? 0;
    const bar = /** @type {HTMLProgressElement} */ (item.querySelector('progress'));
    /** @type {HTMLElement} */ (item.querySelector('.name')).textContent = name;
    /** @type {HTMLElement} */ (item.querySelector('.value')).textContent = `${(100 * p).toFixed(1)}%`;
    bar.value = p;
    bar.setAttribute('aria-label', `Probability of ${name}`);
    item.classList.toggle('top', classIndex === best);
  });
}

function makeRow() {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'name';
  const bar = document.createElement('progress');
  bar.max = 1;
  const value = document.createElement('span');
  value.className = 'value';
  item.append(name, bar, value);
  return item;
}
