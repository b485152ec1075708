// Source of the shipped pack for demos/moving-shapes (a webpack-bundled tf.js 4 page; GraphModel
// tiny-mobilenet-graph, predicted in tf.tidy on every animation frame).
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
import { cameraFrameImage } from './inputs';

export const FINGERPRINT = '324b959501b185ea8f33ff0757019d08870ed2c48737821a5fce946b546e697b';
const LABELS = ['circle', 'square', 'triangle', 'star', 'cross', 'ring'];

const S = 'tiny_mobilenet';
const id = (path: string): string => `${S}/${path}`;

// ---------------------------------------------------------------- the page

const page: Annotation[] = [
  note(
    'page-intro',
    `
**What runs here.** A *MobileNet-style* convolutional network — the family behind most image models on phones —
shrunk to {{m.params | d}} parameters and trained on 3,000 synthetic pictures of six shapes. The page feeds it
every animation frame (up to 60 times a second) and shows its top 3 guesses.

The model is a **graph model** (\`model.json\` with \`"format": "graph-model"\`): not a list of layers but a
TensorFlow graph of {{m.nodes | d}} low-level operations — 17 constants (the weights) and 27 computing nodes.
Each block of the original network appears as a handful of ops: a convolution, a \`BiasAdd\`, a \`Relu6\`.
This pack explains every one of them.

*Why it is fast enough for every frame:* the expensive 3 × 3 convolutions are replaced by **depthwise-separable**
ones — about 8 × fewer multiply-adds each (see block 3). The whole network costs about 265,000 multiply-adds
per frame, where the same layers as ordinary convolutions would cost 1.3 million.
`,
    {
      target: onText(
        'header.site-header > p:not(.crumbs)',
        'Depthwise-separable convolutions keep it small enough for a phone.',
        'webcam demos do. ',
      ),
    },
  ),
  note(
    'camera',
    `
**The "camera".** A 128 × 128 canvas painted by the page: one coloured shape drifting and turning over a noisy
gradient, a new shape every 180 frames (about three seconds). Before each prediction the page reads the canvas
(\`tf.browser.fromPixels\`), resizes it to **32 × 32** with \`tf.image.resizeBilinear\` — at exactly 4 × that keeps
every fourth pixel — and divides by 255, so each input value is between 0 and 1.

32 × 32 is small: a shape is about 20 pixels across, and its telling details — the points of a star, the arms of
a cross, the hole of a ring — are only a few pixels wide. Many of the network's mistakes come from there.
`,
    { target: onElement('#camera') },
  ),
  note(
    'pause',
    `
**Pause** stops the animation, and with it the predictions: the page calls the model only when it draws a new
frame. A paused page costs nothing, and Literate's live views freeze on the last frame.
`,
    { target: onElement('#pause') },
  ),
  note(
    'fps',
    `
The frame rate the page reaches with the model in the loop. On a desktop GPU (\`webgl\` backend) the network takes
well under a millisecond, so the browser's 60 Hz display is the limit; on the \`cpu\` backend it is still fast,
because the network needs only about 265,000 multiply-adds per frame.
`,
    { target: onElement('#fps') },
  ),
  note(
    'verdict',
    `
"I see a …" is the top-1 class of the last frame — now {{m.top1}}. It flickers when the shape turns into a pose
the network finds ambiguous: watch the cross, which it often takes for a star.
`,
    { target: onElement('#verdict') },
  ),
  note(
    'top3',
    `
The three most likely of the six classes, best first: the output of the graph's \`Softmax\` node, sorted by the page.
The six probabilities add up to 1, so when the first bar is nearly full the other two are nearly empty.
`,
    { target: onElement('#top3') },
  ),
  note(
    'pipeline-hint',
    `
This sentence lists the whole network. In the graph's own node names: the *3 × 3 convolution* is \`conv1/Conv2D\`
(stride 2); each *depthwise + pointwise block* is \`blockN/depthwise/depthwise\` then \`blockN/pointwise/Conv2D\`,
each followed by \`BiasAdd\` and \`Relu6\`; *global average pooling* is \`global_pool/Mean\`; and the *softmax over
six shapes* is \`probs/MatMul\`, \`probs/BiasAdd\` and \`probs/Softmax\`.
`,
    {
      target: onText(
        '#top3 + p.hint',
        'depthwise + pointwise blocks with ReLU6, global average pooling',
        undefined,
        ' and a softmax',
      ),
    },
  ),
  note(
    'runtime',
    `
This page bundles tf.js with webpack: there is no global \`tf\`, and the converter's \`loadGraphModel\` is imported
as a module — yet Literate still finds the model. The backend in use is {{m.backend}}.
`,
    { target: onElement('#runtime') },
  ),
];

// ---------------------------------------------------------------- the stem

const stem: Annotation[] = [
  nodeNote(
    'node-image',
    'image',
    `
**image — the input placeholder**, shape \`[null, 32, 32, 3]\`: any number of 32 × 32 RGB pictures with values in
[0, 1]. The page sends one frame at a time. In a graph model, inputs are \`Placeholder\` nodes; this one is named
\`image\` in the model's signature.
`,
  ),
  nodeNote(
    'node-conv1-conv',
    id('conv1/Conv2D'),
    `
**conv1 / Conv2D — the stem: 16 colour filters, stride 2.** An ordinary 3 × 3 convolution reading all 3 colour
channels: 3 × 3 × 3 × 16 = 432 weights (the constant \`conv1/kernel\`). **Stride 2** means the filters are
applied at every second pixel, so the output is 16 × 16 × 16: the resolution halves at the very first step.

*Why a normal convolution here?* With only 3 input channels there is little to save by separating it, and a
full convolution can mix colours from the start — a filter can respond to "yellow on blue" rather than to one
channel. It costs 16 × 16 × 16 × 27 = 110,592 multiply-adds, about 42 % of the network.
`,
  ),
  nodeNote(
    'node-conv1-bias',
    id('conv1/BiasAdd'),
    `
**conv1 / BiasAdd — where BatchNorm went.** In training, conv1 had *no* bias and was followed by a
\`BatchNormalization\` layer (scale $\\gamma$, shift $\\beta$, running mean $\\mu$ and variance $\\sigma^2$ per channel).
At inference time BatchNorm is just a fixed per-channel scale and shift, so the exporter **folded** it into the
convolution: the scale into \`conv1/kernel\`, the rest into this bias (\`conv1/bias\`, 16 numbers).
One op instead of five, and the graph has 8,774 weights where the trained model had 9,638.
`,
  ),
  nodeNote(
    'node-conv1-relu6',
    id('conv1/Relu6'),
    `
**conv1 / Relu6 — ReLU capped at 6.** Negative values become 0, values above 6 become 6. The cap is MobileNet's
choice for phones: an activation that never exceeds 6 has a known range, so it can be stored in 8-bit fixed point
without clipping surprises, which keeps quantized models accurate. Right now {{m.tiny_mobilenet/conv1/Relu6.sparsity | .0%}}
of these 4,096 values are exactly 0; the largest is {{m.tiny_mobilenet/conv1/Relu6.max | .2f}}.
`,
  ),
];

// ---------------------------------------------------------------- the depthwise-separable blocks

interface Block {
  n: 1 | 2 | 3;
  inShape: string;
  channelsIn: number;
  channelsOut: number;
  stride: 1 | 2;
  side: number;
}

const BLOCKS: Block[] = [
  { n: 1, inShape: '16 × 16 × 16', channelsIn: 16, channelsOut: 32, stride: 2, side: 8 },
  { n: 2, inShape: '8 × 8 × 32', channelsIn: 32, channelsOut: 64, stride: 2, side: 4 },
  { n: 3, inShape: '4 × 4 × 64', channelsIn: 64, channelsOut: 64, stride: 1, side: 4 },
];

const fmt = (v: number): string => v.toLocaleString('en-US');

const BLOCK_ROLE: Record<number, string> = {
  1: "It turns conv1's 16 colour-edge maps into 32 maps of small parts — a corner, a bit of a curve — at 8 × 8.",
  2: 'At 4 × 4 each position now sees most of the shape, and 64 channels can describe whole-shape properties: "pointy", "round", "has a hole".',
  3: 'The last block keeps the 4 × 4 grid and the 64 channels; it has the most weights and refines what block 2 found.',
};

function blockNotes(b: Block): Annotation[] {
  const p = `block${b.n}`;
  const dwMacs = b.side * b.side * b.channelsIn * 9;
  const pwMacs = b.side * b.side * b.channelsIn * b.channelsOut;
  const fullMacs = b.side * b.side * b.channelsIn * b.channelsOut * 9;
  const ratio = (fullMacs / (dwMacs + pwMacs)).toFixed(1);
  const dw = id(`${p}/depthwise/depthwise`);
  const pw = id(`${p}/pointwise/Conv2D`);
  return [
    nodeNote(
      `node-${p}-depthwise`,
      dw,
      `
**${p} / depthwise — one 3 × 3 filter per channel${b.stride === 2 ? ', stride 2' : ''}.** A
\`DepthwiseConv2dNative\` op filters each of the ${b.channelsIn} input channels *separately*: channel $c$ is
convolved only with its own 3 × 3 filter, and channels never mix. So it needs only 3 × 3 × ${b.channelsIn} =
${fmt(9 * b.channelsIn)} weights (\`${p}/depthwise/depthwise_kernel\`, shape \`[3, 3, ${b.channelsIn}, 1]\`) and
${b.side} × ${b.side} × ${b.channelsIn} × 9 = ${fmt(dwMacs)} multiply-adds.
${b.stride === 2 ? `With stride 2 it also halves the grid: ${b.inShape} in, ${b.side} × ${b.side} × ${b.channelsIn} out.` : `With stride 1 and same padding the grid stays ${b.side} × ${b.side}.`}

It answers "where in *this* map is there spatial structure (an edge, a blob, a corner)?" — the spatial half of an
ordinary convolution's job.
`,
    ),
    nodeNote(
      `node-${p}-depthwise-bias`,
      id(`${p}/depthwise/BiasAdd`),
      `
**${p} / depthwise / BiasAdd** — the folded BatchNorm of the depthwise layer: ${b.channelsIn} biases, one per
channel (its scale already sits in the depthwise kernel). Normalising between the two halves of the block kept
training stable; at inference it is only this addition.
`,
    ),
    nodeNote(
      `node-${p}-depthwise-relu6`,
      id(`${p}/depthwise/Relu6`),
      `
**${p} / depthwise / Relu6** — clips to [0, 6] between the spatial and the channel step, as MobileNet v1 does.
Now {{m.${S}/${p}/depthwise/Relu6.sparsity | .0%}} of its values are 0.
`,
    ),
    nodeNote(
      `node-${p}-pointwise`,
      pw,
      `
**${p} / pointwise — a 1 × 1 convolution that mixes channels.** At every position, each of the ${b.channelsOut}
outputs is a weighted sum of the ${b.channelsIn} depthwise outputs there: ${b.channelsIn} × ${b.channelsOut} =
${fmt(b.channelsIn * b.channelsOut)} weights (\`${p}/pointwise/kernel\`, shape \`[1, 1, ${b.channelsIn}, ${b.channelsOut}]\`)
and ${fmt(pwMacs)} multiply-adds. ${BLOCK_ROLE[b.n]}

*The saving.* Depthwise + pointwise cost ${fmt(dwMacs)} + ${fmt(pwMacs)} = ${fmt(dwMacs + pwMacs)} multiply-adds. An
ordinary 3 × 3 convolution from ${b.channelsIn} to ${b.channelsOut} channels on the same grid would cost
${b.side} × ${b.side} × ${b.channelsIn} × ${b.channelsOut} × 9 = ${fmt(fullMacs)}: **${ratio} × more**, with
${ratio} × more weights too.
`,
    ),
    nodeNote(
      `node-${p}-pointwise-bias`,
      id(`${p}/pointwise/BiasAdd`),
      `
**${p} / pointwise / BiasAdd** — ${b.channelsOut} biases: the folded BatchNorm of the pointwise layer.
`,
    ),
    nodeNote(
      `node-${p}-pointwise-relu6`,
      id(`${p}/pointwise/Relu6`),
      `
**${p} / pointwise / Relu6** — the block's output, ${b.side} × ${b.side} × ${b.channelsOut}, clipped to [0, 6].
${b.n === 3 ? 'This is the last spatial map: the global pooling that follows averages each of its 64 channels. Values at the cap of 6 mean "very much present"; now {{m.' + S + '/block3/pointwise/Relu6.max | .2f}} is the largest.' : `Now {{m.${S}/${p}/pointwise/Relu6.sparsity | .0%}} of its values are 0: each part detector fires only where its part is.`}
`,
    ),
  ];
}

// ---------------------------------------------------------------- the head

const head: Annotation[] = [
  nodeNote(
    'node-global-pool',
    id('global_pool/Mean'),
    `
**global_pool / Mean — global average pooling.** Each of the 64 channels of block 3 is averaged over the 4 × 4
grid (the constant \`global_pool/reduction_indices\` holds the axes \`[1, 2]\`), leaving 64 numbers: "how much of
feature $c$ is in the picture", regardless of *where*.

*Why average instead of flatten + dense?* Three reasons that matter for a moving camera: a shape scores the same
wherever it drifts in the frame; it costs no parameters (a dense layer on the flattened 4 × 4 × 64 map would
need 1,024 × 6 = 6,144 weights, 70 % of this model); and the network would accept larger pictures unchanged.
`,
  ),
  nodeNote(
    'node-probs-matmul',
    id('probs/MatMul'),
    `
**probs / MatMul — 64 features, 6 scores.** A matrix product with \`probs/kernel\` (64 × 6 = 384 weights): each
class score is a weighted vote of the 64 pooled features. Positive weights are evidence for the class, negative
ones against it.
`,
  ),
  nodeNote(
    'node-probs-bias',
    id('probs/BiasAdd'),
    `
**probs / BiasAdd — the logits.** Adding one bias per class gives the six raw scores, the *logits*. They are not
probabilities: they can be negative and have no fixed scale (for the example circle they run from about −20 to
+21). The bars view of this node shows them live. Only their *differences* matter to the softmax: the
circle's lead of about 7 over "square" is what makes the circle 99.9 % likely.
`,
  ),
  nodeNote(
    'node-probs-softmax',
    id('probs/Softmax'),
    `
**probs / Softmax — scores to probabilities.** $p_k = e^{z_k} / \\sum_j e^{z_j}$: all positive, summing to 1, the
largest logit getting the largest share. The exponential makes it decisive — a lead of 5 in the logits is already
a 150-to-1 ratio — which is why the top bar is so often nearly full. Dividing the logits by a *temperature*
above 1 before the softmax would soften that; this model uses none (temperature 1).
`,
  ),
  nodeNote(
    'node-identity',
    'Identity',
    `
**Identity — the named output.** It copies the softmax output unchanged. TensorFlow exports end with such a node
so the signature can name the output (\`probs\` → \`Identity:0\`) independently of the op that computes it. It is
what \`model.predict\` returns to the page.
`,
  ),
];

// ---------------------------------------------------------------- equations

const equations: Annotation[] = [
  equation(
    'eq-conv1',
    String.raw`y_{i,j,c} = b_c + \sum_{u=0}^{2}\sum_{v=0}^{2}\sum_{k=1}^{3} W_{u,v,k,c}\; x_{2i+u-1,\;2j+v-1,\;k}`,
    {
      y: bind(id('conv1/BiasAdd'), 'output', 'shape'),
      W: bind(id('conv1/kernel'), 'kernel', 'shape'),
      b: bind(id('conv1/bias'), 'bias', 'mean', '.3f'),
      x: bind('image', 'output', 'shape'),
    },
    'The stem convolution with stride 2 ($2i$, $2j$) over the 3 colour channels $k$, plus the folded bias. Outside the picture $x$ is 0.',
    { target: onNode(id('conv1/Conv2D')) },
  ),
  equation(
    'eq-bn-fold',
    String.raw`\gamma\,\frac{(V \ast x) - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta \;=\; W \ast x + b, \qquad W = \frac{\gamma}{\sqrt{\sigma^2+\epsilon}}\,V, \quad b = \beta - \frac{\gamma\,\mu}{\sqrt{\sigma^2+\epsilon}}`,
    {
      W: bind(id('conv1/kernel'), 'kernel', 'std', '.3f'),
      b: bind(id('conv1/bias'), 'bias', 'mean', '.3f'),
    },
    `
Why the graph has \`BiasAdd\` nodes: a convolution $V$ followed by BatchNorm is, at inference, one convolution $W$
plus a bias $b$. The exporter computed $W$ and $b$ once, per channel; $\\gamma, \\beta, \\mu, \\sigma^2$ are gone.
`,
    { target: onNode(id('conv1/BiasAdd')) },
  ),
  equation(
    'eq-relu6',
    String.raw`a = \min\big(\max(z,\, 0),\; 6\big)`,
    {
      a: bind(id('conv1/Relu6'), 'output', 'max', '.2f'),
      z: bind(id('conv1/BiasAdd'), 'output', 'min', '.2f'),
    },
    'ReLU6: zero below 0, the identity between 0 and 6, flat at 6 — a bounded range that survives 8-bit quantization.',
    { target: onNode(id('conv1/Relu6')) },
  ),
  equation(
    'eq-depthwise',
    String.raw`d_{i,j,c} = b_c + \sum_{u=0}^{2}\sum_{v=0}^{2} D_{u,v,c}\; x_{s i+u-1,\;s j+v-1,\;c}`,
    {
      d: bind(id('block1/depthwise/BiasAdd'), 'output', 'shape'),
      D: bind(id('block1/depthwise/depthwise_kernel'), 'depthwise_kernel', 'shape'),
      b: bind(id('block1/depthwise/bias'), 'bias', 'mean', '.3f'),
      x: bind(id('conv1/Relu6'), 'output', 'shape'),
    },
    'Depthwise (block 1, stride $s = 2$): each channel $c$ has its own 3 × 3 filter $D_{\\cdot,\\cdot,c}$ and sees only itself — no sum over channels.',
    { target: onNode(id('block1/depthwise/depthwise')) },
  ),
  equation(
    'eq-pointwise',
    String.raw`y_{i,j,n} = b_n + \sum_{c=1}^{16} P_{c,n}\; d_{i,j,c}`,
    {
      y: bind(id('block1/pointwise/BiasAdd'), 'output', 'shape'),
      P: bind(id('block1/pointwise/kernel'), 'kernel', 'shape'),
      b: bind(id('block1/pointwise/bias'), 'bias', 'mean', '.3f'),
      d: bind(id('block1/depthwise/Relu6'), 'output', 'shape'),
    },
    'Pointwise (block 1): a 1 × 1 convolution, i.e. the same 16 → 32 matrix $P$ applied at every position — channels mix, positions do not.',
    { target: onNode(id('block1/pointwise/Conv2D')) },
  ),
  equation(
    'eq-separable-cost',
    String.raw`\frac{\overbrace{H W C\,k^2}^{D\ \text{(depthwise)}} + \overbrace{H W C N}^{P\ \text{(pointwise)}}}{\underbrace{H W C N\,k^2}_{\text{ordinary conv}}} = \frac{1}{N} + \frac{1}{k^2} = \frac{1}{64} + \frac{1}{9} \approx \frac{1}{7.9}`,
    {
      D: bind(id('block3/depthwise/depthwise_kernel'), 'depthwise_kernel', 'shape'),
      P: bind(id('block3/pointwise/kernel'), 'kernel', 'shape'),
    },
    `
Why depthwise-separable convolutions are cheap, for block 3 ($H = W = 4$, $C = N = 64$, $k = 3$): 9,216 + 65,536
= 74,752 multiply-adds instead of 589,824. The weights shrink the same way: $D$ and $P$ hold 576 + 4,096 instead of 36,864.
`,
    { target: onNode(id('block3/pointwise/Conv2D')) },
  ),
  equation(
    'eq-global-pool',
    String.raw`g_c = \frac{1}{16}\sum_{i=1}^{4}\sum_{j=1}^{4} y_{i,j,c}`,
    {
      g: bind(id('global_pool/Mean'), 'output', 'shape'),
      y: bind(id('block3/pointwise/Relu6'), 'output', 'shape'),
    },
    'Global average pooling: one number per channel, the mean over all 16 positions. No weights.',
    { target: onNode(id('global_pool/Mean')) },
  ),
  equation(
    'eq-logits',
    String.raw`z_k = b_k + \sum_{c=1}^{64} g_c\, W_{c,k}`,
    {
      z: bind(id('probs/BiasAdd'), 'output', 'max', '.2f'),
      W: bind(id('probs/kernel'), 'kernel', 'shape'),
      b: bind(id('probs/bias'), 'bias', 'shape'),
      g: bind(id('global_pool/Mean'), 'output', 'shape'),
    },
    'The head: `MatMul` with the 64 × 6 kernel, then `BiasAdd` — six logits $z_k$.',
    { target: onNode(id('probs/MatMul')) },
  ),
  equation(
    'eq-softmax',
    String.raw`p_k = \frac{e^{z_k}}{\sum_{j=1}^{6} e^{z_j}}`,
    { p: bind(id('probs/Softmax'), 'output', 'top1'), z: bind(id('probs/BiasAdd'), 'output', 'shape') },
    'The softmax: six positive numbers that add up to 1. The page shows the three largest.',
    { target: onNode(id('probs/Softmax')) },
  ),
];

// ---------------------------------------------------------------- live views

const views: Annotation[] = [
  view('view-conv1-filters', node(id('conv1/kernel'), { role: 'kernel' }), {
    view: 'filters',
    caption:
      'The 16 colour filters of the stem, 3 × 3 each (after BatchNorm folding). Many are colour-contrast detectors.',
  }),
  view('view-conv1-maps', node(id('conv1/Relu6')), {
    view: 'feature-maps',
    caption:
      "The stem's 16 maps of the current frame, 16 × 16 each: edges of the shape, the background gradient, colour blobs.",
  }),
  view('view-block1-depthwise-maps', node(id('block1/depthwise/Relu6')), {
    view: 'feature-maps',
    caption:
      'Block 1 after the depthwise step: still one map per stem channel, each filtered on its own (8 × 8).',
  }),
  view('view-block1-pointwise-maps', node(id('block1/pointwise/Relu6')), {
    view: 'feature-maps',
    caption: 'Block 1 after the pointwise step: 32 new maps, each a mix of all 16 channels.',
  }),
  view('view-block3-maps', node(id('block3/pointwise/Relu6')), {
    view: 'feature-maps',
    caption:
      'The last 4 × 4 maps, 64 channels: coarse, but each channel now means something about the whole shape.',
  }),
  view('view-global-pool-bars', node(id('global_pool/Mean')), {
    view: 'activation-bars',
    caption:
      'The 64 pooled features: the whole picture summarised in 64 numbers. Watch the pattern change with the shape.',
  }),
  view('view-logits-bars', node(id('probs/BiasAdd')), {
    view: 'activation-bars',
    caption: 'The six logits, before the softmax: unbounded scores, one per class.',
  }),
  view('view-probs-topk', node(id('probs/Softmax')), {
    view: 'top-k',
    k: 3,
    caption: "The top 3 classes and their probabilities — the page's own list, from the model's side.",
  }),
  view('view-block3-pointwise-weights', node(id('block3/pointwise/kernel'), { role: 'kernel' }), {
    view: 'weight-histogram',
    bins: 40,
    caption: "The 4,096 weights of block 3's pointwise kernel, the largest tensor in the model.",
  }),
  view(
    'view-block1-depthwise-weights',
    node(id('block1/depthwise/depthwise_kernel'), { role: 'depthwise_kernel' }),
    {
      view: 'weight-histogram',
      bins: 24,
      caption: 'The 144 depthwise weights of block 1 (16 filters of 3 × 3), BatchNorm scale folded in.',
    },
  ),
];

// ---------------------------------------------------------------- examples and checks

/** Frames of the page's own animation, one clear view of each shape (demos/moving-shapes/scene.ts). */
const FRAMES: [label: string, frame: number][] = [
  ['circle', 6],
  ['square', 298],
  ['triangle', 366],
  ['star', 544],
  ['cross', 768],
  ['ring', 900],
];

const examples: Annotation[] = [
  ...FRAMES.map(([label, frame]) =>
    example(
      `example-${label}`,
      { image: cameraFrameImage(frame) },
      { top1: label },
      `Frame ${frame} of the page's animation, a ${label}, exactly as the model receives it (32 × 32 RGB).`,
    ),
  ),
  example(
    'example-cross-as-star',
    { image: cameraFrameImage(834) },
    { top1: 'star' },
    `
**A mistake.** Frame 834 shows a *cross*, turned at an angle; the network says *star* with about 99 %. At 32 × 32
the cross's four arms and the star's five points look much alike, and the training set had no way to tell the
network which detail matters. High confidence is no guarantee: the probability only says how far ahead the
winning logit is.
`,
  ),
];

const RELU6_NODES = ['conv1/Relu6', 'block1/pointwise/Relu6', 'block3/pointwise/Relu6'];

const checks: Annotation[] = [
  check('check-fingerprint', {
    type: 'Check',
    check: 'fingerprint',
    expected: FINGERPRINT,
    claim: 'This pack was written for exactly this graph: same ops, wiring and weight layout.',
  }),
  check('check-params', {
    type: 'Check',
    check: 'params',
    expected: 8776,
    claim:
      'The graph holds 8,776 numbers in its constants: 8,774 weights and biases, plus the two axes `[1, 2]` of the global pooling.',
  }),
  check(
    'check-input-shape',
    {
      type: 'Check',
      check: 'shape',
      expected: [null, 32, 32, 3],
      claim: 'The input is a batch of 32 × 32 RGB pictures.',
    },
    { target: onNode('image') },
  ),
  check(
    'check-conv1-kernel',
    {
      type: 'Check',
      check: 'shape',
      expected: [3, 3, 3, 16],
      claim: 'The stem has 16 filters of 3 × 3 × 3.',
    },
    { target: onNode(id('conv1/kernel'), { role: 'kernel' }) },
  ),
  check(
    'check-depthwise-op',
    {
      type: 'Check',
      check: 'op',
      expected: 'DepthwiseConv2dNative',
      claim: "Block 1's spatial step is a depthwise convolution.",
    },
    { target: onNode(id('block1/depthwise/depthwise')) },
  ),
  check(
    'check-relu6-op',
    { type: 'Check', check: 'op', expected: 'Relu6', claim: 'The activations are ReLU6.' },
    { target: onNode(id('conv1/Relu6')) },
  ),
  check(
    'check-block3-depthwise-kernel',
    {
      type: 'Check',
      check: 'shape',
      expected: [3, 3, 64, 1],
      claim: "Block 3's depthwise kernel: one 3 × 3 filter for each of 64 channels.",
    },
    { target: onNode(id('block3/depthwise/depthwise_kernel'), { role: 'depthwise_kernel' }) },
  ),
  check(
    'check-block3-depthwise-params',
    { type: 'Check', check: 'params', expected: 576, claim: 'That is 576 weights …' },
    { target: onNode(id('block3/depthwise/depthwise_kernel')) },
  ),
  check(
    'check-block3-pointwise-params',
    {
      type: 'Check',
      check: 'params',
      expected: 4096,
      claim:
        '… and the pointwise kernel 4,096: together 8 × fewer than the 36,864 of an ordinary 3 × 3 convolution.',
    },
    { target: onNode(id('block3/pointwise/kernel')) },
  ),
  check(
    'check-head-kernel',
    {
      type: 'Check',
      check: 'shape',
      expected: [64, 6],
      claim: 'The head maps 64 pooled features to 6 classes.',
    },
    { target: onNode(id('probs/kernel'), { role: 'kernel' }) },
  ),
  check(
    'check-softmax-sums',
    {
      type: 'Check',
      check: 'sums-to',
      value: 1,
      tolerance: 1e-4,
      claim: 'For every example, the six probabilities add up to 1.',
    },
    { target: onNode(id('probs/Softmax')) },
  ),
  ...RELU6_NODES.map((path) =>
    check(
      `check-range-${path.replace(/\//g, '-').toLowerCase()}`,
      {
        type: 'Check',
        check: 'output-range',
        min: 0,
        max: 6,
        claim: `\`${path}\` stays within [0, 6] for every example: that is what ReLU6 guarantees.`,
      },
      { target: onNode(id(path)) },
    ),
  ),
  ...FRAMES.map(([label]) =>
    check(`check-top1-${label}`, {
      type: 'Check',
      check: 'top1',
      example: `example-${label}`,
      claim: `The ${label} frame is recognised as a ${label}.`,
    }),
  ),
  check('check-top1-cross-as-star', {
    type: 'Check',
    check: 'top1',
    example: 'example-cross-as-star',
    expected: 'star',
    claim: 'The turned cross of frame 834 is (wrongly) called a star.',
  }),
  check('check-shift-circle', {
    type: 'Check',
    check: 'invariance',
    example: 'example-circle',
    transform: { type: 'shift', dx: 2, dy: 0 },
    claim:
      'Moving the circle 2 pixels sideways keeps it a circle — global average pooling does not care where.',
  }),
  check('check-shift-star', {
    type: 'Check',
    check: 'invariance',
    example: 'example-star',
    transform: { type: 'shift', dx: 0, dy: 2 },
    claim: 'The star survives a 2-pixel vertical shift.',
  }),
  check('check-flip-ring', {
    type: 'Check',
    check: 'invariance',
    example: 'example-ring',
    transform: { type: 'flip', axis: 'horizontal' },
    claim: 'A mirrored ring is still a ring.',
  }),
  check('check-brighter-triangle', {
    type: 'Check',
    check: 'invariance',
    example: 'example-triangle',
    transform: { type: 'brightness', amount: 0.1 },
    claim: 'A brighter frame (+0.1 on every channel) does not change the triangle.',
  }),
  check('check-darker-square', {
    type: 'Check',
    check: 'invariance',
    example: 'example-square',
    transform: { type: 'brightness', amount: -0.1 },
    claim: 'Nor does a darker one change the square.',
  }),
];

// ---------------------------------------------------------------- the tour

const steps = [
  step(
    'tour-camera',
    'A network on every frame',
    `
The canvas is the camera; under it, the network's top 3 guesses for the current frame. Each frame is shrunk to
32 × 32 before the model sees it.
`,
    ['page-intro', 'camera', 'node-image', 'top3'],
  ),
  step(
    'tour-stem',
    'The stem: a stride-2 colour convolution',
    `
One ordinary convolution with 16 colour filters, applied at every second pixel. Compare its filters with the
maps it makes of the moving shape.
`,
    ['node-conv1-conv', 'eq-conv1', 'view-conv1-filters', 'view-conv1-maps', 'node-conv1-bias', 'eq-bn-fold'],
  ),
  step(
    'tour-relu6',
    'ReLU6: an activation made for phones',
    `
Every convolution is followed by \`Relu6\`. Its output never leaves [0, 6] — the checks confirm it on three layers.
`,
    ['node-conv1-relu6', 'eq-relu6', 'check-range-conv1-relu6'],
  ),
  step(
    'tour-separable',
    'Depthwise-separable: the same job, 8 × cheaper',
    `
Each block splits a 3 × 3 convolution into a per-channel 3 × 3 filter (depthwise) and a 1 × 1 channel mixer
(pointwise). Look at block 1's maps after each half.
`,
    [
      'node-block1-depthwise',
      'eq-depthwise',
      'view-block1-depthwise-maps',
      'node-block1-pointwise',
      'eq-pointwise',
      'view-block1-pointwise-maps',
    ],
  ),
  step(
    'tour-deeper',
    'Blocks 2 and 3: smaller grid, more channels',
    `
Block 2 halves the grid again to 4 × 4 and doubles the channels to 64; block 3 refines. Block 3 shows the saving
best: 74,752 multiply-adds instead of 589,824.
`,
    [
      'node-block2-depthwise',
      'node-block2-pointwise',
      'node-block3-pointwise',
      'eq-separable-cost',
      'view-block3-maps',
      'view-block3-pointwise-weights',
      'check-block3-pointwise-params',
    ],
  ),
  step(
    'tour-pool',
    'Global average pooling: where the shape is stops mattering',
    `
64 maps become 64 numbers. A shape drifting across the frame gives nearly the same summary — try the shift check.
`,
    ['node-global-pool', 'eq-global-pool', 'view-global-pool-bars', 'check-shift-circle'],
  ),
  step(
    'tour-softmax',
    'Logits and softmax: the top 3',
    `
Six weighted votes (the logits), turned into probabilities. The page shows the three largest.
`,
    [
      'node-probs-matmul',
      'node-probs-bias',
      'eq-logits',
      'view-logits-bars',
      'node-probs-softmax',
      'eq-softmax',
      'view-probs-topk',
      'verdict',
    ],
  ),
  step(
    'tour-mistakes',
    'When it is wrong, and sure of it',
    `
Run the examples: one frame per shape, and a cross the network confidently calls a star. Then watch the page
when the cross comes round — about 40 % of its frames are called something else.
`,
    ['example-circle', 'example-cross-as-star', 'check-top1-cross-as-star', 'check-softmax-sums'],
  ),
];

const items: Annotation[] = [
  ...page,
  ...stem,
  ...BLOCKS.flatMap(blockNotes),
  ...head,
  ...equations,
  ...views,
  ...examples,
  ...checks,
];
assignSteps(items, steps);

export const pack: Pack = {
  '@context': CONTEXT,
  type: 'AnnotationCollection',
  literate: '1',
  id: 'literate-gallery-moving-shapes',
  title: 'Inside a tiny MobileNet, frame by frame',
  authors: GALLERY_AUTHORS,
  license: GALLERY_LICENSE,
  version: '1.0.0',
  description:
    'A guided reading of the moving-shapes demo: every op of its MobileNet-style graph model explained — the stride-2 ' +
    'stem, folded BatchNorm, ReLU6, depthwise-separable blocks and what they save, global average pooling, logits and ' +
    'softmax — with live maps, examples from the animation (and a confident mistake) and checks on the model.',
  language: 'en',
  targets: {
    pages: demoPages('moving-shapes'),
    models: [
      {
        alias: 'm',
        fingerprint: FINGERPRINT,
        url: modelUrl('tiny-mobilenet-graph'),
        structure: {
          kind: 'graph',
          params: 8776,
          nodes: [
            { name: id('block1/depthwise/depthwise'), op: 'DepthwiseConv2dNative' },
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
