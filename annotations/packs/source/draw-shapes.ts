// Source of the shipped pack for demos/draw-shapes (a script-tag tf.js 4 page; LayersModel shapes-cnn).
import type { Annotation, Pack } from '../../format/types';
import {
  CONTEXT,
  GALLERY_AUTHORS,
  GALLERY_LICENSE,
  assignSteps,
  bind,
  check,
  demoPages,
  equation,
  example,
  modelUrl,
  node,
  nodeNote,
  note,
  onElement,
  onNode,
  onText,
  step,
  view,
} from './common';
import { sketchImage } from './inputs';

export const FINGERPRINT = '2a38f45731112537408dfe286e0c1bce9cc60a5b68d3ebcba7b687d0c3e1a8d1';
const LABELS = ['circle', 'square', 'triangle', 'cross', 'line'];

// ---------------------------------------------------------------- the page

const page: Annotation[] = [
  note(
    'page-intro',
    `
**What you are looking at.** Every time you lift the pen, this page turns your drawing into 28 × 28 numbers and
hands them to a *convolutional neural network* (CNN) of {{cnn.params | d}} parameters, loaded with TensorFlow.js.
The network answers with five probabilities, one per shape, and the page shows them as bars.

Read the network from input to output:

1. **conv1** looks at every 5 × 5 patch of the drawing for strokes and edges;
2. **pool1** keeps the strongest response in each 2 × 2 block;
3. **conv2** combines strokes into corners and curves; **pool2** shrinks again;
4. **flatten** and **dense1** weigh *where* those parts are;
5. **probs** turns 5 scores into probabilities with a softmax.

The 4,000 training sketches were drawn by a program (\`demos/shared/shapes.js\`), not by people, so the network
knows tidy shapes best: try a wobbly one and watch the bars hesitate.
`,
    {
      target: onText(
        'header.site-header > p:not(.crumbs)',
        'A small convolutional network, trained on 4,000 sketches',
        undefined,
        ', guesses what you draw',
      ),
    },
  ),
  note(
    'canvas',
    `
**The canvas is 280 × 280 pixels, the network's input is 28 × 28.** Before predicting, the page (\`app.js\`)
reads the canvas's red channel, turns it into *ink* ($1 - \\text{red}/255$, so paper is 0 and ink is 1), and
averages every 10 × 10 block of pixels into one input value (\`tf.avgPool\` with a 10 × 10 window).

Two consequences you can see:

- the 16-pixel pen becomes a stroke about 1.6 input pixels wide, so **draw large**: a small shape turns into a
  grey smudge of a few pixels;
- a pen stroke that half covers a block gives a grey value around 0.5 — the network was trained on such soft edges.
`,
    { target: onElement('#sketch') },
  ),
  note(
    'button-example',
    `
**Show an example** paints one tidy sketch per class in turn — circle, square, triangle, cross, line — with the
same renderer the training set came from, centred and at a comfortable size. These are the pack's *examples*
below: each one can be run through the model and checked.
`,
    { target: onElement('#example') },
  ),
  note(
    'button-clear',
    `
**Clear** wipes the canvas and sets every bar to zero without asking the network. Had it asked, the network would
not have said "nothing": it has no such class, and a softmax always hands out 100 % in total. The example
*An empty canvas* shows what it says instead.
`,
    { target: onElement('#clear') },
  ),
  note(
    'verdict',
    `
The verdict is the **top-1 class**, the bar with the largest probability: right now {{cnn.top1}} at
{{cnn.probs.max | .1%}}. A high percentage means the scores before the softmax were far apart, not that the
network is "sure" in any human sense — see the empty-canvas example.
`,
    { target: onElement('#verdict') },
  ),
  note(
    'bars',
    `
One bar per class, in the order the model outputs them (circle, square, triangle, cross, line). They are the
output of the last layer, **probs**, and always add up to 100 % because of the softmax. When two shapes share
features (a square and a triangle both have straight sides and corners) you will often see the probability split
between them while you draw.
`,
    { target: onElement('#bars') },
  ),
  note(
    'pipeline-hint',
    `
This sentence is the model in one line. Matched to the layer names the model itself uses:
*shrunk to 28 × 28* is the page's preprocessing, *two convolution and pooling stages* are **conv1 → pool1 →
conv2 → pool2**, *two dense layers* are **dense1** and **probs**, and the softmax is the activation of **probs**.
(The **flatten** between them has no weights; it only lines the 7 × 7 × 16 grid up as 784 numbers.)
`,
    { target: onText('#bars + p.hint', 'two convolution and pooling stages', 'then goes through ', ' and') },
  ),
  note(
    'runtime',
    `
The footer says which TensorFlow.js build and **backend** run the model — here {{cnn.backend}}. On \`webgl\` the
convolutions run as GPU shaders; on \`cpu\` as plain JavaScript loops. The numbers the network computes agree to
about six decimal places either way.
`,
    { target: onElement('#runtime') },
  ),
];

// ---------------------------------------------------------------- the layers

const layers: Annotation[] = [
  nodeNote(
    'node-input',
    'conv1_input',
    `
**Input: a batch of 28 × 28 × 1 images.** The shape is \`[null, 28, 28, 1]\`: \`null\` is the batch size, left
free so the same model can classify one drawing or a thousand at once; then height, width and one channel (ink).
The page always sends a batch of one.
`,
  ),
  nodeNote(
    'node-conv1',
    'conv1',
    `
**conv1 — 8 learned stroke detectors.** A 2-D convolution slides 8 small 5 × 5 *filters* over the image. At each
of the 28 × 28 positions, each filter multiplies its 25 weights with the 25 ink values under it, adds them up plus
a bias, and keeps the result only if it is positive (ReLU). \`padding: same\` pads the border with zeros so the
output keeps the full 28 × 28 size: the output is 28 × 28 × 8, one *feature map* per filter.

*Why convolution?* The same 25 weights are reused at every position, so a stroke detector learned in one corner
works everywhere, and the layer needs only 8 × (25 + 1) = **208 parameters**. It still does real work:
28 × 28 × 8 × 25 = **156,800 multiply-adds** per drawing.

*What they learned.* conv1 started from tiny random weights with weight decay (an L2 penalty), which leaves
mostly the structure the data asks for: look at the filters view and you will find bars (filter 6 is a vertical
stroke: a positive middle column between negative sides) and edges (filter 7 is "ink above, paper below", the
lower edge of a horizontal stroke). Their weights have a standard deviation of {{cnn.conv1.kernel.std | .3f}}.
Right now {{cnn.conv1.sparsity | .0%}} of conv1's outputs are exactly zero: most places on a drawing are blank
paper, and ReLU turns "nothing here" into a clean 0.
`,
  ),
  nodeNote(
    'node-pool1',
    'pool1',
    `
**pool1 — keep the strongest response in each 2 × 2 block.** Max pooling halves height and width (28 → 14) and
keeps the channel count (8). It has no parameters.

*Why?* Two reasons. A stroke that moves by one pixel usually stays inside the same 2 × 2 block, so the pooled
map barely changes: this is where the network starts to **tolerate small shifts** of your drawing (the shift
checks below test it). And the next layer works on 4 × fewer positions, which makes it 4 × cheaper and lets each
of its filters see a larger part of the drawing.
`,
  ),
  nodeNote(
    'node-conv2',
    'conv2',
    `
**conv2 — 16 detectors of parts.** Each of the 16 filters is 3 × 3 in space but reads **all 8 maps** of pool1
at once: 3 × 3 × 8 = 72 weights plus a bias, so 16 × 73 = **1,168 parameters**. Where conv1 asked "is there a
stroke here?", conv2 asks questions like "a horizontal stroke *meeting* a vertical one" — a corner — or "a stroke
that keeps turning" — a curve.

Because it works on the pooled 14 × 14 grid, each conv2 output sees a **10 × 10 patch** of the 28 × 28 input
(its *receptive field*): 5 pixels from conv1, widened to 6 by pooling, plus 2 × 2 from its own 3 × 3 window.
Cost: 14 × 14 × 16 × 72 = **225,792 multiply-adds**, more than conv1 although the grid is smaller, because every
filter reads 8 channels.
`,
  ),
  nodeNote(
    'node-pool2',
    'pool2',
    `
**pool2 — 7 × 7 × 16.** The second max pooling halves the grid again (14 → 7). Each of the 7 × 7 cells now
summarises a **12 × 12 patch** of the drawing — almost half its width — with 16 numbers: which parts are present
there. No parameters.
`,
  ),
  nodeNote(
    'node-flatten',
    'flatten',
    `
**flatten — from a grid to a list.** The 7 × 7 × 16 block becomes one vector of 784 numbers, row by row, channel
fastest. Nothing is computed or learned. From here on the network no longer knows which numbers were neighbours:
the next layer has to *learn* where things are.
`,
  ),
  nodeNote(
    'node-dense1',
    'dense1',
    `
**dense1 — 32 units that weigh the whole picture.** Every one of the 32 units has its own weight for each of the
784 inputs: 784 × 32 + 32 = **25,120 parameters**, that is **94 % of the whole model** (the two convolutions
together have under 1,400). This is the price of flattening: position-specific weights, nothing shared.

*Why have it?* The convolutions say *what* is where; dense1 combines *where*: "a curve at the top and a curve at
the bottom but no corners" is a circle, "three corners and straight edges" a triangle. Its ReLU leaves many units
silent for any one drawing — right now {{cnn.dense1.sparsity | .0%}} of the 32 are exactly zero — so each shape
lights up its own subset, which you can watch in the bars view.
`,
  ),
  nodeNote(
    'node-probs',
    'probs',
    `
**probs — five scores, then a softmax.** A last dense layer turns the 32 dense1 values into 5 scores, the
*logits* $z$ (32 × 5 + 5 = **165 parameters**), and the softmax turns them into probabilities:
each $e^{z_k}$ divided by their sum, so they are positive and add up to 1.

*What the logits mean.* Only differences count: adding the same number to every score changes nothing. A gap of
3 between the two best scores already gives the winner about 95 %. For the example circle the logits are about
16.4 (circle) and 13.2 (square): the softmax makes that a 96 % / 4 % split. Dividing the logits by a
*temperature* $T > 1$ before the softmax would flatten the split (at $T = 2$: 83 % / 17 %) without changing the
winner; this model uses $T = 1$. The largest probability is what the page calls its verdict.
`,
    { page: [{ type: 'CssSelector', value: '#bars' }] },
  ),
];

// ---------------------------------------------------------------- equations

const equations: Annotation[] = [
  equation(
    'eq-conv1',
    String.raw`y_{i,j,c} = \mathrm{ReLU}\Big(b_c + \sum_{u=-2}^{2}\sum_{v=-2}^{2} W_{u,v,c}\; x_{i+u,\,j+v}\Big)`,
    {
      y: bind('conv1', 'output', 'shape'),
      W: bind('conv1', 'kernel', 'shape'),
      b: bind('conv1', 'bias', 'mean', '.3f'),
      x: bind('conv1_input', 'output', 'shape'),
    },
    `
conv1 at row $i$, column $j$, filter $c$: the 5 × 5 filter $W_{\\cdot,\\cdot,c}$ times the ink $x$ around $(i, j)$,
plus the filter's bias $b_c$, clipped at zero by ReLU. Outside the image $x$ counts as 0 (\`same\` padding).
`,
    { target: onNode('conv1') },
  ),
  equation(
    'eq-conv2',
    String.raw`y_{i,j,c} = \mathrm{ReLU}\Big(b_c + \sum_{u=-1}^{1}\sum_{v=-1}^{1}\sum_{k=1}^{8} W_{u,v,k,c}\; x_{i+u,\,j+v,\,k}\Big)`,
    {
      y: bind('conv2', 'output', 'shape'),
      W: bind('conv2', 'kernel', 'shape'),
      b: bind('conv2', 'bias', 'mean', '.3f'),
      x: bind('pool1', 'output', 'shape'),
    },
    'conv2 adds a third sum: over the 8 input channels $k$ that pool1 passes on. Each output mixes all of them.',
    { target: onNode('conv2') },
  ),
  equation(
    'eq-pool',
    String.raw`y_{i,j,c} = \max_{u,\,v \,\in\, \{0,1\}} x_{2i+u,\;2j+v,\;c}`,
    { y: bind('pool1', 'output', 'shape'), x: bind('conv1', 'output', 'shape') },
    'Max pooling (pool1; pool2 is the same on conv2): the largest of four neighbours, channel by channel. No weights.',
    { target: onNode('pool1') },
  ),
  equation(
    'eq-flatten',
    String.raw`f_{16\,(7i + j) + c} = x_{i,j,c}`,
    { f: bind('flatten', 'output', 'shape'), x: bind('pool2', 'output', 'shape') },
    'flatten: position $(i, j)$ and channel $c$ of the 7 × 7 × 16 grid become entry $16(7i + j) + c$ of a vector of 784.',
    { target: onNode('flatten') },
  ),
  equation(
    'eq-dense1',
    String.raw`h_k = \mathrm{ReLU}\Big(b_k + \sum_{n=1}^{784} W_{n,k}\, f_n\Big)`,
    {
      h: bind('dense1', 'output', 'shape'),
      W: bind('dense1', 'kernel', 'shape'),
      b: bind('dense1', 'bias', 'mean', '.3f'),
      f: bind('flatten', 'output', 'shape'),
    },
    'A dense layer: every unit $k$ has a weight $W_{n,k}$ for every input $n$ — 25,088 weights in all, plus 32 biases.',
    { target: onNode('dense1') },
  ),
  equation(
    'eq-softmax',
    String.raw`p_k = \frac{e^{z_k / T}}{\sum_{j=1}^{5} e^{z_j / T}}, \qquad z_k = b_k + \sum_{n=1}^{32} W_{n,k}\, h_n, \qquad T = 1`,
    {
      p: bind('probs', 'output', 'top1'),
      W: bind('probs', 'kernel', 'shape'),
      b: bind('probs', 'bias', 'shape'),
      h: bind('dense1', 'output', 'shape'),
    },
    `
The output layer: scores (logits) $z_k$ from the 32 dense1 values $h$, then the softmax with temperature $T$.
Every $p_k$ is positive and they add up to 1; subtracting the same constant from every $z_k$ changes nothing.
`,
    { target: onNode('probs') },
  ),
];

// ---------------------------------------------------------------- live views

const views: Annotation[] = [
  view('view-conv1-filters', node('conv1', { role: 'kernel' }), {
    view: 'filters',
    caption:
      'The 8 learned 5 × 5 filters of conv1 (grey = 0, light = positive, dark = negative). Look for bars and edges.',
  }),
  view('view-conv1-maps', node('conv1'), {
    view: 'feature-maps',
    caption:
      'What each conv1 filter finds in your drawing: bright where its pattern is, black (exactly 0 after ReLU) elsewhere.',
  }),
  view('view-pool1-maps', node('pool1'), {
    view: 'feature-maps',
    caption: 'The same 8 maps after max pooling: half the size, the strong responses kept.',
  }),
  view('view-conv2-maps', node('conv2'), {
    view: 'feature-maps',
    caption: 'conv2: 16 maps of combined features (corners, curves, line ends) on the 14 × 14 grid.',
  }),
  view('view-pool2-maps', node('pool2'), {
    view: 'feature-maps',
    caption: 'pool2: the 7 × 7 × 16 summary that dense1 reads, one 12 × 12 patch of the drawing per cell.',
  }),
  view('view-dense1-bars', node('dense1'), {
    view: 'activation-bars',
    caption: 'The 32 dense1 units. Draw different shapes and watch different units light up.',
  }),
  view('view-dense1-weights', node('dense1', { role: 'kernel' }), {
    view: 'weight-histogram',
    bins: 40,
    caption: 'The 25,088 weights of dense1, 94 % of the model: most are small, centred on zero.',
  }),
  view('view-probs-topk', node('probs'), {
    view: 'top-k',
    k: 5,
    caption: "The softmax output with the class names — the same numbers as the page's bars, sorted.",
  }),
];

// ---------------------------------------------------------------- examples and checks

const examples: Annotation[] = [
  ...LABELS.map((label) =>
    example(
      `example-${label}`,
      { image: sketchImage(label) },
      { top1: label },
      `The page's own "Show an example" ${label}, as the network receives it: 28 × 28 ink values, ink white on black.`,
    ),
  ),
  example(
    'example-empty',
    { tensor: new Array<number>(784).fill(0), shape: [1, 28, 28, 1] },
    { top1: 'line' },
    `
**An empty canvas** (all 784 inputs 0). The network answers *line* with about 99.9 %: with no ink, only the
biases speak, and they favour the class with the least ink. There is no "nothing" class, and the softmax must
give out 100 % — a confident answer is not a sign that the input made sense.
`,
  ),
];

const checks: Annotation[] = [
  check('check-fingerprint', {
    type: 'Check',
    check: 'fingerprint',
    expected: FINGERPRINT,
    claim: 'This pack was written for exactly this model: same layers, shapes and weight layout.',
  }),
  check('check-params', {
    type: 'Check',
    check: 'params',
    expected: 26661,
    claim: 'The whole network has 26,661 parameters (about 104 KB of float32 weights).',
  }),
  check(
    'check-dense1-params',
    {
      type: 'Check',
      check: 'params',
      expected: 25120,
      claim: 'dense1 alone holds 25,120 of them (784 × 32 weights + 32 biases).',
    },
    { target: onNode('dense1') },
  ),
  check(
    'check-conv1-params',
    {
      type: 'Check',
      check: 'params',
      expected: 208,
      claim: 'conv1 needs only 208 parameters: 8 filters × (25 + 1).',
    },
    { target: onNode('conv1') },
  ),
  check(
    'check-conv1-kernel',
    {
      type: 'Check',
      check: 'shape',
      expected: [5, 5, 1, 8],
      claim: "conv1's kernel is 8 filters of 5 × 5 × 1.",
    },
    { target: onNode('conv1', { role: 'kernel' }) },
  ),
  check(
    'check-conv1-op',
    { type: 'Check', check: 'op', expected: 'Conv2D', claim: 'conv1 is a 2-D convolution.' },
    { target: onNode('conv1') },
  ),
  ...(
    [
      ['conv1', [null, 28, 28, 8], 'conv1 keeps all 28 × 28 positions (same padding) and makes 8 maps.'],
      ['pool1', [null, 14, 14, 8], 'pool1 halves the grid to 14 × 14.'],
      ['conv2', [null, 14, 14, 16], 'conv2 makes 16 maps on the 14 × 14 grid.'],
      ['pool2', [null, 7, 7, 16], 'pool2 halves it again to 7 × 7.'],
      ['flatten', [null, 784], 'flatten lines 7 × 7 × 16 up as 784 numbers.'],
      ['probs', [null, 5], 'The output has one probability per class.'],
    ] as const
  ).map(([id, shape, claim]) =>
    check(
      `check-shape-${id}`,
      { type: 'Check', check: 'shape', expected: [...shape], claim },
      { target: onNode(id) },
    ),
  ),
  check(
    'check-softmax-sums',
    {
      type: 'Check',
      check: 'sums-to',
      value: 1,
      tolerance: 1e-4,
      claim: 'For every example, the five probabilities add up to 1.',
    },
    { target: onNode('probs') },
  ),
  check(
    'check-probs-range',
    {
      type: 'Check',
      check: 'output-range',
      min: 0,
      max: 1,
      claim: 'Every probability lies between 0 and 1.',
    },
    { target: onNode('probs') },
  ),
  ...LABELS.map((label) =>
    check(`check-top1-${label}`, {
      type: 'Check',
      check: 'top1',
      example: `example-${label}`,
      claim: `The example ${label} is recognised as a ${label}.`,
    }),
  ),
  check('check-top1-empty', {
    type: 'Check',
    check: 'top1',
    example: 'example-empty',
    expected: 'line',
    claim: 'An empty canvas is called a line.',
  }),
  check('check-shift-circle', {
    type: 'Check',
    check: 'invariance',
    example: 'example-circle',
    transform: { type: 'shift', dx: 2, dy: 0 },
    claim: 'Moving the circle 2 input pixels (20 canvas pixels) to the right does not change the answer.',
  }),
  check('check-shift-triangle', {
    type: 'Check',
    check: 'invariance',
    example: 'example-triangle',
    transform: { type: 'shift', dx: 0, dy: -2 },
    claim: 'Nor does moving the triangle 2 input pixels up.',
  }),
  check('check-shift-square', {
    type: 'Check',
    check: 'invariance',
    example: 'example-square',
    transform: { type: 'shift', dx: -2, dy: 2 },
    claim: 'Nor moving the square diagonally, 2 pixels left and 2 down.',
  }),
  check('check-flip-cross', {
    type: 'Check',
    check: 'invariance',
    example: 'example-cross',
    transform: { type: 'flip', axis: 'horizontal' },
    claim: 'A mirrored cross is still a cross: the training sketches came in every rotation.',
  }),
  check('check-flip-triangle', {
    type: 'Check',
    check: 'invariance',
    example: 'example-triangle',
    transform: { type: 'flip', axis: 'vertical' },
    claim: 'An upside-down triangle is still a triangle.',
  }),
  check('check-fainter-line', {
    type: 'Check',
    check: 'invariance',
    example: 'example-line',
    transform: { type: 'brightness', amount: -0.2 },
    claim: 'A fainter line (every ink value 0.2 lower) is still a line.',
  }),
];

// ---------------------------------------------------------------- the tour

const steps = [
  step(
    'tour-draw',
    'Draw, and the network guesses',
    `
Draw a shape on the canvas — or press **Show an example**. After every stroke the page runs the network once and
updates the bars. Everything below happens in about a millisecond, in your browser.
`,
    ['page-intro', 'canvas', 'button-example'],
  ),
  step(
    'tour-input',
    'What the network sees',
    `
The network never sees your 280 × 280 canvas: the page shrinks it to 28 × 28 *ink* values between 0 and 1.
Run an example to see such a grid: it is all the network has to go on.
`,
    ['node-input', 'example-circle', 'example-empty'],
  ),
  step(
    'tour-conv1',
    'conv1: stroke detectors',
    `
Eight 5 × 5 filters slide over the grid. Compare the **filters** (what each looks for) with the **feature maps**
(where it found it in your drawing).
`,
    ['node-conv1', 'eq-conv1', 'view-conv1-filters', 'view-conv1-maps', 'check-conv1-params'],
  ),
  step(
    'tour-pool',
    'Pooling: smaller, and tolerant to small shifts',
    `
Max pooling keeps the strongest response in each 2 × 2 block. Drawing the same shape a little to the side
changes almost nothing after pooling — the shift checks prove it on this very model.
`,
    ['node-pool1', 'eq-pool', 'view-pool1-maps', 'check-shift-circle'],
  ),
  step(
    'tour-conv2',
    'conv2 and pool2: from strokes to parts',
    `
The second convolution reads all 8 stroke maps at once and finds corners, curves and line ends; pool2 leaves a
7 × 7 grid in which each cell summarises a 12 × 12 patch of the drawing.
`,
    ['node-conv2', 'eq-conv2', 'view-conv2-maps', 'node-pool2', 'view-pool2-maps'],
  ),
  step(
    'tour-dense',
    'flatten and dense1: where the parameters are',
    `
Flattening forgets the grid; dense1 learns, with 25,120 parameters (94 % of the model), which parts in which
places make which shape.
`,
    [
      'node-flatten',
      'eq-flatten',
      'node-dense1',
      'eq-dense1',
      'view-dense1-bars',
      'view-dense1-weights',
      'check-dense1-params',
    ],
  ),
  step(
    'tour-softmax',
    'The softmax: the bars',
    `
Five scores become five probabilities that add up to 1 — the bars on the page. The verdict is simply the largest.
`,
    ['node-probs', 'eq-softmax', 'view-probs-topk', 'bars', 'verdict', 'check-softmax-sums'],
  ),
  step(
    'tour-try',
    'Try to fool it',
    `
Run the examples and checks: each is a claim about this model, tested when you ask. Then clear the canvas and
draw something that is none of the five shapes — the network will still pick one.
`,
    ['button-clear', 'check-top1-empty', 'check-flip-cross', 'check-fainter-line'],
  ),
];

const items: Annotation[] = [...page, ...layers, ...equations, ...views, ...examples, ...checks];
assignSteps(items, steps);

export const pack: Pack = {
  '@context': CONTEXT,
  type: 'AnnotationCollection',
  literate: '1',
  id: 'literate-gallery-draw-shapes',
  title: 'How a small CNN reads your drawing',
  authors: GALLERY_AUTHORS,
  license: GALLERY_LICENSE,
  version: '1.0.0',
  description:
    'A guided reading of the draw-a-shape demo: how the page prepares your sketch, what each of the convolutional ' +
    "network's layers computes and why, live feature maps and probabilities, and checks of its claims on the model itself.",
  language: 'en',
  targets: {
    pages: demoPages('draw-shapes'),
    models: [
      {
        alias: 'cnn',
        fingerprint: FINGERPRINT,
        url: modelUrl('shapes-cnn'),
        structure: {
          kind: 'layers',
          params: 26661,
          nodes: [
            { name: 'conv1', op: 'Conv2D' },
            { name: 'probs', op: 'Dense' },
          ],
        },
        labels: LABELS,
      },
    ],
  },
  items,
  steps,
};
