// Source of the shipped pack for demos/decision-regions (a script-tag page on tf.js 2, 3 or 4; GraphModel
// point-regions, run with executeAsync).
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

export const FINGERPRINT = 'f82391a6d85ee9274815b5d3d253fc24cad95c2e3b492430dccb1db93fc5a84a';
const LABELS = ['core', 'arm 1', 'arm 2', 'arm 3'];

const id = (path: string): string => `point_regions/${path}`;

// ---------------------------------------------------------------- the page

const page: Annotation[] = [
  note(
    'page-intro',
    `
**A classifier you can see completely.** The input is just a point $(x, y)$ of the square $[-1, 1]^2$; the output
is a probability for each of four regions: a central **core** and three **arms** that swirl around it. Because
the input has only two numbers, the page can ask the network about *every* place at once and paint its answer:
that picture is the model's **decision regions**.

The network is a *multilayer perceptron*: two hidden layers of 32 ReLU units and a softmax over 4 classes —
{{m.params | d}} parameters in all. It was trained on 3,000 random points labelled by the true rule (a disc of
radius 0.3, then three arms twisted by 2.2 radians per unit of radius) and gets about 98 % of fresh points right.
`,
    {
      target: onText(
        'header.site-header > p:not(.crumbs)',
        'splits the plane into a core and three swirling arms',
        'A two-layer neural network ',
      ),
    },
  ),
  note(
    'plane',
    `
**The plane, as the model sees it.** The page runs the model once on a batch of 64 × 64 = 4,096 points — the
centres of a grid over $[-1, 1]^2$ — and colours each cell with its most likely region, paler where the model is
less sure. So the faint bands are the *decision boundaries*, where two classes are nearly tied.

Look closely and the boundaries are made of **straight segments**: a ReLU network computes a piecewise-linear
function, so its regions are polygons (see hidden1). Click anywhere to classify one more point: the page maps
your click to $(x, y)$, with $y$ pointing up.
`,
    { target: onElement('#plane') },
  ),
  note(
    'legend',
    `
The legend is built from the model's labels (\`labels.json\`), in output order: output 0 is the core, 1–3 the arms.
`,
    { target: onElement('#legend') },
  ),
  note(
    'form',
    `
Type a point to classify it exactly. The default, $(0.5, 0.25)$, lies in **arm 1**; the examples below include it.
Values outside $[-1, 1]$ are clamped: the network never saw such points, and a ReLU network keeps extrapolating
its outermost linear pieces forever, confidently.
`,
    { target: onElement('#point-form') },
  ),
  note(
    'verdict',
    `
The class and probability of your last point — currently {{m.top1}}. Near a boundary expect numbers around 50 %;
deep inside a region the softmax gives 99.9 % and more.
`,
    { target: onElement('#verdict') },
  ),
  note(
    'point-log',
    `
Every point you classify, newest first, with its probability. Each one is a separate \`executeAsync\` call with a
batch of one point; the region picture was a single call with a batch of 4,096.
`,
    { target: onElement('#point-log') },
  ),
  note(
    'runtime',
    `
This page runs on **tf.js 2, 3 or 4** (\`?tfjs=2\`, \`?tfjs=3\` — the default — or \`?tfjs=4\`) and calls
\`model.executeAsync\`, the API object detectors use. The model has no control flow, so \`execute\` would do; tf.js
says so in the console on every call. Backend: {{m.backend}}.
`,
    { target: onElement('#runtime') },
  ),
];

// ---------------------------------------------------------------- the layers

const layers: Annotation[] = [
  nodeNote(
    'node-points',
    'points',
    `
**points — the input**, shape \`[null, 2]\`: a batch of points, one row $(x, y)$ each. The page sends 4,096 rows
to paint the plane and one row per click.
`,
  ),
  nodeNote(
    'node-hidden1-matmul',
    id('hidden1/MatMul'),
    `
**hidden1 / MatMul — 32 directions in the plane.** Multiplying the point by the 2 × 32 kernel gives 32 numbers,
$w_{1u}\\,x + w_{2u}\\,y$ for unit $u$: each unit measures how far the point lies along its own direction
$(w_{1u}, w_{2u})$. A graph model spells a dense layer out as three ops — this \`MatMul\`, a \`BiasAdd\` and the
activation — with the weights in separate constants (\`hidden1/kernel\`, 64 numbers).
`,
  ),
  nodeNote(
    'node-hidden1-bias',
    id('hidden1/BiasAdd'),
    `
**hidden1 / BiasAdd — 32 lines.** Adding a bias $b_u$ gives $a_u = w_{1u}x + w_{2u}y + b_u$, and $a_u = 0$ is a
**straight line** in the plane: unit $u$ is positive on one side and negative on the other. Of the 32 lines,
31 cross the visible square; together they cut it into many small convex polygons.
`,
  ),
  nodeNote(
    'node-hidden1-relu',
    id('hidden1/Relu'),
    `
**hidden1 / Relu — keep one side of each line.** $\\max(0, a_u)$ is zero on one side of unit $u$'s line and grows
linearly on the other. Inside each polygon cut out by the lines, the same units are on and the whole network is a
plain linear function; crossing a line switches a unit on or off and bends the function. That is why the region
boundaries on the page are polylines. About half of the units are off at any one point (now
{{m.point_regions/hidden1/Relu.sparsity | .0%}}).
`,
  ),
  nodeNote(
    'node-hidden2-matmul',
    id('hidden2/MatMul'),
    `
**hidden2 / MatMul — combining half-planes.** Each of 32 new units takes a weighted sum of the 32 hidden1
outputs (a 32 × 32 kernel: 1,024 weights, 80 % of the model). Where hidden1 could only say "which side of a line",
hidden2 can say "inside *this* wedge and outside *that* one" — the building blocks of a curved arm.
`,
  ),
  nodeNote(
    'node-hidden2-bias',
    id('hidden2/BiasAdd'),
    `
**hidden2 / BiasAdd** — one bias per unit, shifting where each combination switches on.
`,
  ),
  nodeNote(
    'node-hidden2-relu',
    id('hidden2/Relu'),
    `
**hidden2 / Relu — and some units that never fire.** Over the whole visible square, **11 of the 32** hidden2 units
are zero everywhere: "dead" ReLUs, pushed during training to a bias so negative that no input revives them. They
cost nothing at inference but contribute nothing either — the bars view shows them as permanently empty. Right
now {{m.point_regions/hidden2/Relu.sparsity | .0%}} of hidden2's outputs are zero.
`,
  ),
  nodeNote(
    'node-probs-matmul',
    id('probs/MatMul'),
    `
**probs / MatMul — four scores.** A 32 × 4 kernel turns the 32 hidden2 values into one score per region.
`,
  ),
  nodeNote(
    'node-probs-bias',
    id('probs/BiasAdd'),
    `
**probs / BiasAdd — the logits.** With the bias, these are the four *logits*: piecewise-linear functions of
$(x, y)$ that can be any size (for the centre point, the core's logit is about 11). A boundary on the page is
where the two largest logits are equal.
`,
  ),
  nodeNote(
    'node-probs-softmax',
    id('probs/Softmax'),
    `
**probs / Softmax — probabilities.** $p_k = e^{z_k} / \\sum_j e^{z_j}$. Because the logits grow linearly away from
a boundary, the probabilities approach 0 or 1 exponentially fast: about 0.05 inside the core's edge the core
already has 99 %. The pale bands on the page are that narrow for this reason. (The model uses temperature
1; a larger temperature $T$, dividing the logits, would widen the bands without moving them.)
`,
  ),
  nodeNote(
    'node-identity',
    'Identity',
    `
**Identity — the output**, the softmax's values under the name the model's signature gives them (\`probs\`).
\`executeAsync\` returns it to the page.
`,
  ),
];

// ---------------------------------------------------------------- equations

const equations: Annotation[] = [
  equation(
    'eq-hidden1',
    String.raw`a_u = x\,W_{1,u} + y\,W_{2,u} + b_u, \qquad h_u = \max(0,\, a_u), \qquad u = 1, \dots, 32`,
    {
      a: bind(id('hidden1/BiasAdd'), 'output', 'shape'),
      W: bind(id('hidden1/kernel'), 'kernel', 'shape'),
      b: bind(id('hidden1/bias'), 'bias', 'mean', '.3f'),
      h: bind(id('hidden1/Relu'), 'output', 'sparsity', '.0%'),
    },
    'The first hidden layer: `MatMul` with the 2 × 32 kernel $W$, `BiasAdd` with $b$, then ReLU. Each $a_u = 0$ is a line in the plane.',
    { target: onNode(id('hidden1/MatMul')) },
  ),
  equation(
    'eq-relu',
    String.raw`\mathrm{ReLU}(a) = \max(0, a) = \begin{cases} a & a > 0 \\ 0 & a \le 0 \end{cases}`,
    { a: bind(id('hidden1/BiasAdd'), 'output', 'min', '.2f') },
    'Piecewise linear: two straight pieces joined at 0. Any composition of such functions is piecewise linear too.',
    { target: onNode(id('hidden1/Relu')) },
  ),
  equation(
    'eq-hidden2',
    String.raw`g_v = \max\Big(0,\; c_v + \sum_{u=1}^{32} h_u\, V_{u,v}\Big)`,
    {
      g: bind(id('hidden2/Relu'), 'output', 'sparsity', '.0%'),
      V: bind(id('hidden2/kernel'), 'kernel', 'shape'),
      c: bind(id('hidden2/bias'), 'bias', 'min', '.2f'),
      h: bind(id('hidden1/Relu'), 'output', 'shape'),
    },
    'The second hidden layer: every unit $v$ weighs all 32 first-layer units. A unit whose bias $c_v$ is very negative may never switch on.',
    { target: onNode(id('hidden2/MatMul')) },
  ),
  equation(
    'eq-logits',
    String.raw`z_k = d_k + \sum_{v=1}^{32} g_v\, U_{v,k}, \qquad k \in \{\text{core}, \text{arm 1}, \text{arm 2}, \text{arm 3}\}`,
    {
      z: bind(id('probs/BiasAdd'), 'output', 'max', '.2f'),
      U: bind(id('probs/kernel'), 'kernel', 'shape'),
      d: bind(id('probs/bias'), 'bias', 'shape'),
      g: bind(id('hidden2/Relu'), 'output', 'shape'),
    },
    'Four logits, one per region: still a piecewise-linear function of $(x, y)$.',
    { target: onNode(id('probs/MatMul')) },
  ),
  equation(
    'eq-softmax',
    String.raw`p_k = \frac{e^{z_k / T}}{\sum_{j} e^{z_j / T}}, \qquad T = 1`,
    { p: bind(id('probs/Softmax'), 'output', 'top1'), z: bind(id('probs/BiasAdd'), 'output', 'shape') },
    'The softmax. On a boundary two logits tie and their probabilities split; the temperature $T$ would set how fast that changes.',
    { target: onNode(id('probs/Softmax')) },
  ),
];

// ---------------------------------------------------------------- live views

const views: Annotation[] = [
  view('view-hidden1-bars', node(id('hidden1/Relu')), {
    view: 'activation-bars',
    caption:
      'The 32 hidden1 units for the last point(s) the page classified: which side of each line the point is on, and how far.',
  }),
  view('view-hidden2-bars', node(id('hidden2/Relu')), {
    view: 'activation-bars',
    caption: 'The 32 hidden2 units. Some bars never move: those units are dead.',
  }),
  view('view-logits-bars', node(id('probs/BiasAdd')), {
    view: 'activation-bars',
    caption: 'The four logits before the softmax.',
  }),
  view('view-probs-topk', node(id('probs/Softmax')), {
    view: 'top-k',
    k: 4,
    caption: 'The four regions, most likely first.',
  }),
  view('view-hidden1-weights', node(id('hidden1/kernel'), { role: 'kernel' }), {
    view: 'weight-histogram',
    bins: 16,
    caption: 'The 64 first-layer weights: the directions of the 32 lines.',
  }),
  view('view-hidden2-weights', node(id('hidden2/kernel'), { role: 'kernel' }), {
    view: 'weight-histogram',
    bins: 40,
    caption: 'The 1,024 weights of hidden2, most of the model.',
  }),
];

// ---------------------------------------------------------------- examples and checks

const point = (x: number, y: number) => ({ tensor: [[x, y]] });

const examples: Annotation[] = [
  example('example-core', point(0, 0), { top1: 'core' }, 'The centre of the plane, $(0, 0)$: the core.'),
  example('example-arm1', point(0.6, 0), { top1: 'arm 1' }, '$(0.6, 0)$, to the right: arm 1.'),
  example('example-arm2', point(0, 0.6), { top1: 'arm 2' }, '$(0, 0.6)$, straight up: arm 2.'),
  example('example-arm3', point(-0.6, 0), { top1: 'arm 3' }, '$(-0.6, 0)$, to the left: arm 3.'),
  example(
    'example-form-default',
    point(0.5, 0.25),
    { top1: 'arm 1' },
    "The form's default point $(0.5, 0.25)$: arm 1, with more than 99.9 %.",
  ),
  example(
    'example-border',
    point(0.3, 0),
    { top1: 'core' },
    `
$(0.3, 0)$ lies exactly on the true edge of the core (radius 0.3). The model still says *core*, but only with
about 59 % — the rest goes to arm 1. Uncertainty lives on the boundaries.
`,
  ),
];

const checks: Annotation[] = [
  check('check-fingerprint', {
    type: 'Check',
    check: 'fingerprint',
    expected: FINGERPRINT,
    claim: 'This pack was written for exactly this graph (the same on tf.js 2, 3 and 4).',
  }),
  check('check-params', {
    type: 'Check',
    check: 'params',
    expected: 1284,
    claim: 'The network has 1,284 parameters: 2·32 + 32, 32·32 + 32, 32·4 + 4.',
  }),
  check(
    'check-input-shape',
    { type: 'Check', check: 'shape', expected: [null, 2], claim: 'The input is a batch of 2-D points.' },
    { target: onNode('points') },
  ),
  check(
    'check-hidden1-kernel',
    {
      type: 'Check',
      check: 'shape',
      expected: [2, 32],
      claim: 'hidden1: 32 units, each with 2 weights — 32 lines.',
    },
    { target: onNode(id('hidden1/kernel'), { role: 'kernel' }) },
  ),
  check(
    'check-hidden2-params',
    {
      type: 'Check',
      check: 'params',
      expected: 1024,
      claim: 'The 32 × 32 kernel of hidden2 holds 1,024 weights.',
    },
    { target: onNode(id('hidden2/kernel')) },
  ),
  check(
    'check-relu-op',
    { type: 'Check', check: 'op', expected: 'Relu', claim: 'The hidden activations are ReLU.' },
    { target: onNode(id('hidden2/Relu')) },
  ),
  check(
    'check-softmax-sums',
    {
      type: 'Check',
      check: 'sums-to',
      value: 1,
      tolerance: 1e-4,
      claim: 'For every example, the four probabilities add up to 1.',
    },
    { target: onNode(id('probs/Softmax')) },
  ),
  check(
    'check-probs-range',
    { type: 'Check', check: 'output-range', min: 0, max: 1, claim: 'Every probability lies in [0, 1].' },
    { target: onNode(id('probs/Softmax')) },
  ),
  ...(
    [
      ['core', 'The centre is core.'],
      ['arm1', '$(0.6, 0)$ is arm 1.'],
      ['arm2', '$(0, 0.6)$ is arm 2.'],
      ['arm3', '$(-0.6, 0)$ is arm 3.'],
      ['form-default', "The form's default point is arm 1."],
      ['border', 'The point on the true border is (narrowly) core.'],
    ] as const
  ).map(([name, claim]) =>
    check(`check-top1-${name}`, { type: 'Check', check: 'top1', example: `example-${name}`, claim }),
  ),
  check(
    'check-core-logit-falls',
    {
      type: 'Check',
      check: 'monotonic',
      example: 'example-core',
      inputIndex: 0,
      from: 0.05,
      to: 0.6,
      steps: 12,
      outputIndex: 0,
      direction: 'decreasing',
      claim:
        "Walking right from the centre along $y = 0$, from $x = 0.05$ to $0.6$, the core's logit only falls.",
    },
    { target: onNode(id('probs/BiasAdd')) },
  ),
  check(
    'check-arm1-rises',
    {
      type: 'Check',
      check: 'monotonic',
      example: 'example-core',
      inputIndex: 0,
      from: 0.2,
      to: 0.45,
      steps: 6,
      outputIndex: 1,
      direction: 'increasing',
      claim: "… and across the core's edge, from $x = 0.2$ to $0.45$, the probability of arm 1 only rises.",
    },
    { target: onNode(id('probs/Softmax')) },
  ),
];

// ---------------------------------------------------------------- the tour

const steps = [
  step(
    'tour-plane',
    'A map of the model',
    `
The coloured plane *is* the model: its answer for 4,096 points at once. Find the core and the three arms, and
the pale bands between them where it hesitates.
`,
    ['page-intro', 'plane', 'legend'],
  ),
  step(
    'tour-point',
    'One point in',
    `
Classify a point (click, or use the form). It enters the network as a row of two numbers.
`,
    ['form', 'node-points', 'example-form-default', 'verdict'],
  ),
  step(
    'tour-lines',
    'hidden1: 32 lines',
    `
Each first-layer unit draws a line through the plane and measures which side the point is on. The bars show the
32 answers for your point.
`,
    ['node-hidden1-matmul', 'node-hidden1-bias', 'eq-hidden1', 'view-hidden1-bars', 'check-hidden1-kernel'],
  ),
  step(
    'tour-relu',
    'ReLU: polygons, and straight boundaries',
    `
ReLU keeps one side of each line. The result is piecewise linear — which is why the boundaries on the plane are
made of straight segments.
`,
    [
      'node-hidden1-relu',
      'eq-relu',
      'node-hidden2-matmul',
      'eq-hidden2',
      'node-hidden2-relu',
      'view-hidden2-bars',
    ],
  ),
  step(
    'tour-softmax',
    'Logits and softmax',
    `
Four scores, then probabilities. Watch the logits as you click across a boundary: two of them cross.
`,
    [
      'node-probs-bias',
      'eq-logits',
      'view-logits-bars',
      'node-probs-softmax',
      'eq-softmax',
      'view-probs-topk',
    ],
  ),
  step(
    'tour-border',
    'Uncertainty lives on the boundaries',
    `
A point on the true edge of the core gets 59 %; 0.1 further in, 99.9 %. The monotonic checks walk across the edge.
`,
    ['example-border', 'check-top1-border', 'check-core-logit-falls', 'check-arm1-rises'],
  ),
  step(
    'tour-runtime',
    'Same model, three tf.js versions',
    `
Reload with \`?tfjs=2\` or \`?tfjs=4\`: the graph, its fingerprint and every answer stay the same.
`,
    ['runtime', 'point-log', 'check-fingerprint'],
  ),
];

const items: Annotation[] = [...page, ...layers, ...equations, ...views, ...examples, ...checks];
assignSteps(items, steps);

export const pack: Pack = {
  '@context': CONTEXT,
  type: 'AnnotationCollection',
  literate: '1',
  id: 'literate-gallery-decision-regions',
  title: 'How a ReLU network carves up the plane',
  authors: GALLERY_AUTHORS,
  license: GALLERY_LICENSE,
  version: '1.0.0',
  description:
    'A guided reading of the decision-regions demo: a two-layer ReLU network as lines, half-planes and polygons; ' +
    'dead units; logits, softmax and why the boundaries are sharp and straight; examples on and off the boundaries, ' +
    'and checks that walk across them.',
  language: 'en',
  targets: {
    pages: demoPages('decision-regions'),
    models: [
      {
        alias: 'm',
        fingerprint: FINGERPRINT,
        url: modelUrl('point-regions'),
        structure: {
          kind: 'graph',
          params: 1284,
          nodes: [
            { name: id('hidden1/MatMul'), op: 'MatMul' },
            { name: id('probs/Softmax'), op: 'Softmax' },
          ],
        },
        labels: LABELS,
      },
    ],
  },
  items,
  steps,
};
