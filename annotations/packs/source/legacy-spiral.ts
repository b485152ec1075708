// Source of the shipped pack for demos/legacy-spiral (a tf.js 1.7.4 script-tag page; LayersModel spiral-mlp).
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

export const FINGERPRINT = '07c3e9f032642f4ffeb1d5d34d8c7f638771f77c191dd1de9dddd94438c892c9';
const LABELS = ['spiral A', 'spiral B', 'spiral C'];

// ---------------------------------------------------------------- the page

const page: Annotation[] = [
  note(
    'page-intro',
    `
**The three-spirals problem** is a classic test for neural networks: three arms winding around the same centre,
so that a straight line — or any single bend — can never separate them. Walk along the $x$-axis from $-1$ to $1$
and the correct arm changes **eight times**.

This network solves it with two hidden layers of 24 **tanh** units and a softmax over the three arms:
{{net.params | d}} parameters, trained on 1,500 noisy points in the style of the TensorFlow Playground. It
classifies about 98.5 % of fresh points correctly.
`,
    {
      target: onText(
        'header.site-header > p:not(.crumbs)',
        'a small network with two tanh layers learns to tell',
        'A classic from the early days of TensorFlow.js: ',
      ),
    },
  ),
  note(
    'canvas',
    `
**Training data and predictions.** The dots are the first 450 training points, coloured by their true arm. Under
them, each cell of a 64 × 64 grid is tinted with the arm the model predicts there (one \`model.predict\` on all
4,096 grid points). Where the tint and the dots disagree, the model is wrong; where the tint fades, it is unsure.

Unlike the ReLU network of the *Decision regions* demo, whose boundaries are polylines, these boundaries are
**smooth curves**: tanh is smooth, so everything built from it is too.
`,
    { target: onElement('#spiral') },
  ),
  note(
    'legend',
    `
The three arms in output order: spiral A is output 0, B is 1, C is 2 (from \`labels.json\`).
`,
    { target: onElement('#legend') },
  ),
  note(
    'show-regions',
    `
Untick to see the bare training data. The regions are drawn from one prediction made at load time; your own
points are predicted one at a time.
`,
    { target: onElement('#show-regions') },
  ),
  note(
    'form',
    `
Type a point, or click the canvas. The default $(-0.3, 0.4)$ lies on **spiral C** — it is one of the examples
below. Try $(0, 0)$, where all three arms begin: the model is least sure there.
`,
    { target: onElement('#point-form') },
  ),
  note(
    'verdict',
    `
The arm and probability of your last point — now {{net.top1}}, at {{net.probs.max | .1%}}.
`,
    { target: onElement('#verdict') },
  ),
  note(
    'point-log',
    `
Each placed point with its predicted arm, newest first. Each line is one \`model.predict\` on a batch of one.
`,
    { target: onElement('#point-log') },
  ),
  note(
    'runtime',
    `
**tf.js 1.7.4**, from 2020, loaded with a plain \`<script>\` tag as pages of that time did. The model file
is an ordinary Keras-style \`layers-model\`; the same file loads in tf.js 4. Literate reads it the same way in
both — the fingerprint below does not depend on the version. Backend: {{net.backend}}.
`,
    { target: onElement('#runtime') },
  ),
];

// ---------------------------------------------------------------- the layers

const layers: Annotation[] = [
  nodeNote(
    'node-input',
    'hidden1_input',
    `
**Input** \`[null, 2]\`: a batch of points $(x, y)$ in $[-1, 1]^2$. tf.js 1.x names the input layer after the first
layer (\`hidden1_input\`), as Keras does for a \`Sequential\` model.
`,
  ),
  nodeNote(
    'node-hidden1',
    'hidden1',
    `
**hidden1 — 24 soft steps.** Each unit computes $\\tanh(w_1 x + w_2 y + b)$: a *soft step* across a line in the
plane, $-1$ on one side, $+1$ on the other, with a smooth ramp between. The steepness is the length of
$(w_1, w_2)$; here the ramps are between half a unit and two units wide — soft enough that units overlap and blend.
2 × 24 weights + 24 biases = **72 parameters**.

*Why tanh?* It is smooth (curved boundaries, like the arms), bounded (no unit can blow up), and **zero-centred**:
the next layer receives positive *and* negative evidence, which makes combining many steps easy. Each value is
in $(-1, 1)$ — a check below confirms it.
`,
  ),
  nodeNote(
    'node-hidden2',
    'hidden2',
    `
**hidden2 — combining the steps into bands.** Each of 24 units applies tanh to a weighted sum of all 24 hidden1
steps (24 × 24 + 24 = **600 parameters**, 80 % of the model). Adding soft steps with different directions and
signs makes ridges and curved bands; tanh then squashes each into an on/off signal. Over the whole square, 83 % of
hidden2's values are beyond ±0.95: this layer behaves almost like a set of switches, "the point is on this stretch
of an arm" or not.

That is how two tanh layers follow spirals: layer 1 cuts the plane with soft lines, layer 2 assembles them into
the curved strips between the arms.
`,
  ),
  nodeNote(
    'node-probs',
    'probs',
    `
**probs — three logits and a softmax.** 24 × 3 + 3 = **75 parameters** turn the switches into one score per arm,
and the softmax into probabilities. At the centre, where all arms start and the training points are mixed, the
scores are close: $(0, 0)$ gets only about 72 % for spiral C. One step along an arm they are far apart and the
winner takes 99 % and more. (Temperature 1: the logits are used as they are.)
`,
  ),
];

// ---------------------------------------------------------------- equations

const equations: Annotation[] = [
  equation(
    'eq-hidden1',
    String.raw`h_u = \tanh\big(x\,W_{1,u} + y\,W_{2,u} + b_u\big), \qquad u = 1, \dots, 24`,
    {
      h: bind('hidden1', 'output', 'shape'),
      W: bind('hidden1', 'kernel', 'shape'),
      b: bind('hidden1', 'bias', 'mean', '.3f'),
    },
    'A dense layer with tanh: each unit is a soft step across the line $x W_{1,u} + y W_{2,u} + b_u = 0$.',
    { target: onNode('hidden1') },
  ),
  equation(
    'eq-tanh',
    String.raw`\tanh(a) = \frac{e^{a} - e^{-a}}{e^{a} + e^{-a}} \in (-1, 1), \qquad \tanh(-a) = -\tanh(a)`,
    { a: bind('hidden1', 'output', 'min', '.2f') },
    'tanh: smooth, odd (zero-centred), and saturating at ±1 — a soft version of a sign function.',
    { target: onNode('hidden1') },
  ),
  equation(
    'eq-hidden2',
    String.raw`g_v = \tanh\Big(c_v + \sum_{u=1}^{24} h_u\, V_{u,v}\Big)`,
    {
      g: bind('hidden2', 'output', 'shape'),
      V: bind('hidden2', 'kernel', 'shape'),
      c: bind('hidden2', 'bias', 'mean', '.3f'),
      h: bind('hidden1', 'output', 'shape'),
    },
    'The second tanh layer: 24 units, each weighing all 24 soft steps.',
    { target: onNode('hidden2') },
  ),
  equation(
    'eq-softmax',
    String.raw`p_k = \frac{e^{z_k}}{\sum_{j=1}^{3} e^{z_j}}, \qquad z_k = d_k + \sum_{v=1}^{24} g_v\, U_{v,k}`,
    {
      p: bind('probs', 'output', 'top1'),
      U: bind('probs', 'kernel', 'shape'),
      d: bind('probs', 'bias', 'shape'),
      g: bind('hidden2', 'output', 'shape'),
    },
    'The output layer: three logits $z_k$ from the 24 switches, then the softmax.',
    { target: onNode('probs') },
  ),
];

// ---------------------------------------------------------------- live views

const views: Annotation[] = [
  view('view-hidden1-bars', node('hidden1'), {
    view: 'activation-bars',
    caption: 'The 24 soft steps for the last point(s) predicted: each between −1 and 1.',
  }),
  view('view-hidden2-bars', node('hidden2'), {
    view: 'activation-bars',
    caption: 'The 24 hidden2 units: mostly near ±1, like switches.',
  }),
  view('view-probs-topk', node('probs'), {
    view: 'top-k',
    k: 3,
    caption: 'The three arms, most likely first.',
  }),
  view('view-hidden1-weights', node('hidden1', { role: 'kernel' }), {
    view: 'weight-histogram',
    bins: 16,
    caption: 'The 48 first-layer weights: the directions and steepness of the 24 steps.',
  }),
  view('view-hidden2-weights', node('hidden2', { role: 'kernel' }), {
    view: 'weight-histogram',
    bins: 30,
    caption: 'The 576 weights of hidden2.',
  }),
];

// ---------------------------------------------------------------- examples and checks

const point = (x: number, y: number) => ({ tensor: [[x, y]] });

const examples: Annotation[] = [
  example(
    'example-a',
    point(-0.3, -0.41),
    { top1: 'spiral A' },
    'Half-way along arm A (the middle of its training points): spiral A, 99.7 %.',
  ),
  example('example-b', point(0.5, -0.05), { top1: 'spiral B' }, 'Half-way along arm B: spiral B.'),
  example('example-c', point(-0.21, 0.46), { top1: 'spiral C' }, 'Half-way along arm C: spiral C.'),
  example(
    'example-form-default',
    point(-0.3, 0.4),
    { top1: 'spiral C' },
    "The form's default point $(-0.3, 0.4)$: spiral C, 99 %.",
  ),
  example('example-x-axis', point(0.7, 0), { top1: 'spiral A' }, '$(0.7, 0)$, on the $x$-axis: spiral A.'),
  example(
    'example-centre',
    point(0, 0),
    { top1: 'spiral C' },
    'The centre, where the three arms begin: spiral C, but only about 72 %.',
  ),
];

const checks: Annotation[] = [
  check('check-fingerprint', {
    type: 'Check',
    check: 'fingerprint',
    expected: FINGERPRINT,
    claim: 'This pack was written for exactly this model — on tf.js 1.7.4 as on tf.js 4.',
  }),
  check('check-params', {
    type: 'Check',
    check: 'params',
    expected: 747,
    claim: 'The network has 747 parameters: 72 + 600 + 75.',
  }),
  ...(
    [
      ['hidden1', 72, 'hidden1: 2 × 24 weights and 24 biases.'],
      ['hidden2', 600, 'hidden2: 24 × 24 weights and 24 biases — 80 % of the model.'],
      ['probs', 75, 'probs: 24 × 3 weights and 3 biases.'],
    ] as const
  ).map(([name, params, claim]) =>
    check(
      `check-params-${name}`,
      { type: 'Check', check: 'params', expected: params, claim },
      { target: onNode(name) },
    ),
  ),
  ...(
    [
      ['hidden1', [null, 24], 'hidden1 has 24 units.'],
      ['hidden2', [null, 24], 'So has hidden2.'],
      ['probs', [null, 3], 'One probability per arm.'],
    ] as const
  ).map(([name, shape, claim]) =>
    check(
      `check-shape-${name}`,
      { type: 'Check', check: 'shape', expected: [...shape], claim },
      { target: onNode(name) },
    ),
  ),
  check(
    'check-hidden1-op',
    { type: 'Check', check: 'op', expected: 'Dense', claim: 'hidden1 is a dense (fully connected) layer.' },
    { target: onNode('hidden1') },
  ),
  check(
    'check-hidden1-range',
    {
      type: 'Check',
      check: 'output-range',
      min: -1,
      max: 1,
      claim: 'Every hidden1 value lies in [−1, 1]: that is tanh.',
    },
    { target: onNode('hidden1') },
  ),
  check(
    'check-hidden2-range',
    { type: 'Check', check: 'output-range', min: -1, max: 1, claim: 'So does every hidden2 value.' },
    { target: onNode('hidden2') },
  ),
  check(
    'check-softmax-sums',
    {
      type: 'Check',
      check: 'sums-to',
      value: 1,
      tolerance: 1e-4,
      claim: 'For every example, the three probabilities add up to 1.',
    },
    { target: onNode('probs') },
  ),
  ...(
    [
      ['a', 'The middle of arm A is spiral A.'],
      ['b', 'The middle of arm B is spiral B.'],
      ['c', 'The middle of arm C is spiral C.'],
      ['form-default', "The form's default point is spiral C."],
      ['x-axis', '$(0.7, 0)$ is spiral A.'],
      ['centre', 'The centre goes, narrowly, to spiral C.'],
    ] as const
  ).map(([name, claim]) =>
    check(`check-top1-${name}`, { type: 'Check', check: 'top1', example: `example-${name}`, claim }),
  ),
  check(
    'check-crossing-into-a',
    {
      type: 'Check',
      check: 'monotonic',
      example: 'example-x-axis',
      inputIndex: 0,
      from: 0.6,
      to: 0.75,
      steps: 8,
      outputIndex: 0,
      direction: 'increasing',
      claim:
        'Moving right along the $x$-axis from $x = 0.6$ (arm B) to $0.75$ (arm A), the probability of spiral A only grows: a smooth crossing, no flicker.',
    },
    { target: onNode('probs') },
  ),
];

// ---------------------------------------------------------------- the tour

const steps = [
  step(
    'tour-spirals',
    'Three spirals',
    `
The dots are training points of three interleaved arms; the tint is what the network predicts everywhere.
`,
    ['page-intro', 'canvas', 'legend'],
  ),
  step(
    'tour-point',
    'One point in',
    `
Place a point — or run an example. It enters as a row of two numbers.
`,
    ['form', 'node-input', 'example-form-default', 'verdict'],
  ),
  step(
    'tour-hidden1',
    'hidden1: soft steps',
    `
Each of 24 tanh units is a soft step across a line. The bars show where your point falls on each.
`,
    ['node-hidden1', 'eq-hidden1', 'eq-tanh', 'view-hidden1-bars', 'check-hidden1-range'],
  ),
  step(
    'tour-hidden2',
    'hidden2: switches for stretches of an arm',
    `
The second layer combines the steps into curved bands and squashes them to nearly ±1.
`,
    ['node-hidden2', 'eq-hidden2', 'view-hidden2-bars', 'check-params-hidden2'],
  ),
  step(
    'tour-softmax',
    'Three arms, three probabilities',
    `
Three scores and a softmax. Compare an example in the middle of an arm with the centre.
`,
    ['node-probs', 'eq-softmax', 'view-probs-topk', 'example-centre', 'check-softmax-sums'],
  ),
  step(
    'tour-why-tanh',
    'Why tanh separates spirals',
    `
Along the $x$-axis the arm changes eight times; smooth, zero-centred steps stacked in two layers can follow that,
and their boundaries curve with the arms. Walk across one boundary with the monotonic check.
`,
    ['check-crossing-into-a', 'example-x-axis'],
  ),
  step(
    'tour-legacy',
    'A 2020 page, a model that lasts',
    `
The page runs tf.js 1.7.4; the model file and this pack work unchanged with tf.js 4.
`,
    ['runtime', 'check-fingerprint', 'check-params'],
  ),
];

const items: Annotation[] = [...page, ...layers, ...equations, ...views, ...examples, ...checks];
assignSteps(items, steps);

export const pack: Pack = {
  '@context': CONTEXT,
  type: 'AnnotationCollection',
  literate: '1',
  id: 'literate-gallery-legacy-spiral',
  title: 'Two tanh layers untangle three spirals',
  authors: GALLERY_AUTHORS,
  license: GALLERY_LICENSE,
  version: '1.0.0',
  description:
    'A guided reading of the legacy spiral demo (tf.js 1.7.4): soft steps, switches and a softmax — why two tanh ' +
    'layers can follow three interleaved spirals — with live activations, examples along the arms and checks on the model.',
  language: 'en',
  targets: {
    pages: demoPages('legacy-spiral'),
    models: [
      {
        alias: 'net',
        fingerprint: FINGERPRINT,
        url: modelUrl('spiral-mlp'),
        structure: {
          kind: 'layers',
          params: 747,
          nodes: [
            { name: 'hidden1', op: 'Dense' },
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
