// Built-in explanations of ONNX operators (the `op_type` of an ONNX node), for models that run on ONNX Runtime Web.
// ONNX images are channels first ([N, C, H, W]); ops that share a TensorFlow name (Relu, Softmax, MatMul, MaxPool,
// Gather, Mul …) are explained by the graph-op glossary, which is searched first.

import type { Glossary, GlossaryEntry } from './types';

const globalAverage: GlossaryEntry = {
  title: 'Global average pooling',
  summary: 'Averages each channel over the whole image: one number per feature map.',
  tex: String.raw`y_{n,c} = \frac{1}{HW} \sum_{h,w} x_{n,c,h,w}`,
  family: 'pooling',
};
const layerNorm: GlossaryEntry = {
  title: 'Layer normalization',
  summary:
    'Rescales each position’s features to mean 0 and variance 1 over the last axis, then applies a learned scale and shift.',
  tex: String.raw`y = \gamma\, \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta`,
  where: 'μ and σ² are the mean and variance over the normalized axes; γ and β are learned.',
  family: 'normalization',
};
const attention: GlossaryEntry = {
  title: 'Attention',
  summary:
    'Each position looks at every other: it scores them by query–key similarity and takes the score-weighted mix of their values.',
  tex: String.raw`\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\!\Big(\frac{QK^{\top}}{\sqrt{d_k}}\Big)V`,
  where: 'Q, K and V are linear projections of the input; d_k is the size of one head.',
  family: 'dense',
};
const gelu: GlossaryEntry = {
  title: 'GELU',
  summary: 'A smooth ReLU: weights each value by how likely a standard normal variable is below it.',
  tex: String.raw`f(x) = x\,\Phi(x) = \tfrac{x}{2}\big(1 + \mathrm{erf}(x/\sqrt{2})\big)`,
  family: 'activation',
};

export const ONNX_OP_GLOSSARY: Glossary = {
  Conv: {
    title: 'Convolution',
    summary:
      'Slides small learned filters over the image; each filter yields one output channel (a feature map) that lights up where its pattern appears.',
    tex: String.raw`y_{n,k,i,j} = b_k + \sum_{c,u,v} W_{k,c,u,v}\, x_{n,c,\,si+u,\,sj+v}`,
    where: 'W is the kernel ([out channels, in channels, height, width]), b the bias and s the stride.',
    family: 'convolution',
  },
  ConvTranspose: {
    title: 'Transposed convolution',
    summary:
      'Spreads each input value over a learned patch of the output: convolution run backwards, to upsample.',
    tex: String.raw`y_{n,k,\,si+u,\,sj+v} \mathrel{+}= \sum_{c} W_{c,k,u,v}\, x_{n,c,i,j}`,
    family: 'convolution',
  },
  Gemm: {
    title: 'Fully connected (Gemm)',
    summary: 'Every output is a weighted sum of all the inputs plus a bias: a dense layer.',
    tex: String.raw`Y = \alpha\, A' B' + \beta\, C`,
    where: 'A′ and B′ are A and B, transposed when transA / transB say so; B holds the weights, C the bias.',
    family: 'dense',
  },
  BatchNormalization: {
    title: 'Batch normalization',
    summary:
      'Normalizes each channel with the mean and variance learned in training, then scales and shifts it.',
    tex: String.raw`y_{n,c,\dots} = \gamma_c\, \frac{x_{n,c,\dots} - \mu_c}{\sqrt{\sigma_c^2 + \epsilon}} + \beta_c`,
    where: 'μ and σ² are the stored mean and variance; γ (scale) and β (bias) are learned.',
    family: 'normalization',
  },
  InstanceNormalization: {
    title: 'Instance normalization',
    summary:
      'Normalizes each channel of each image over its own height and width, then scales and shifts it.',
    tex: String.raw`y_{n,c,h,w} = \gamma_c\, \frac{x_{n,c,h,w} - \mu_{n,c}}{\sqrt{\sigma_{n,c}^2 + \epsilon}} + \beta_c`,
    family: 'normalization',
  },
  LayerNormalization: layerNorm,
  SkipLayerNormalization: {
    ...layerNorm,
    title: 'Residual add + layer normalization',
    summary: 'Adds the skip connection to the input, then applies layer normalization (one fused op).',
    tex: String.raw`y = \mathrm{LayerNorm}(x + \mathit{skip} + b)`,
  },
  AveragePool: {
    title: 'Average pooling',
    summary: 'Shrinks each feature map by averaging over small windows.',
    tex: String.raw`y_{n,c,i,j} = \frac{1}{k^2} \sum_{u,v < k} x_{n,c,\,si+u,\,sj+v}`,
    where: 'k is the window size and s the stride.',
    family: 'pooling',
  },
  GlobalAveragePool: globalAverage,
  GlobalMaxPool: {
    ...globalAverage,
    title: 'Global max pooling',
    summary: 'Keeps the largest value of each channel over the whole image.',
    tex: String.raw`y_{n,c} = \max_{h,w} x_{n,c,h,w}`,
  },
  Flatten: {
    title: 'Flatten',
    summary: 'Lays every value after the batch axis out in one long row, so a dense layer can read it.',
    tex: String.raw`[N, d_1, \dots, d_k] \to [N,\, d_1 \cdots d_k]`,
    family: 'reshape',
  },
  Unsqueeze: {
    title: 'Unsqueeze',
    summary: 'Inserts axes of size 1; the values do not change.',
    tex: String.raw`[d_1, \dots, d_k] \to [d_1, \dots, 1, \dots, d_k]`,
    family: 'reshape',
  },
  Attention: attention,
  MultiHeadAttention: { ...attention, title: 'Multi-head attention' },
  Gelu: gelu,
  FastGelu: { ...gelu, title: 'GELU (tanh approximation)' },
  BiasGelu: { ...gelu, title: 'Bias + GELU' },
  Erf: {
    title: 'Error function',
    summary: 'The Gaussian error function, applied to each value (part of an exact GELU).',
    tex: String.raw`\mathrm{erf}(x) = \frac{2}{\sqrt{\pi}} \int_0^x e^{-t^2}\, dt`,
    family: 'activation',
  },
  HardSigmoid: {
    title: 'Hard sigmoid',
    summary: 'A piecewise-linear, cheaper sigmoid.',
    tex: String.raw`f(x) = \max\big(0, \min(1,\, \alpha x + \beta)\big)`,
    family: 'activation',
  },
  HardSwish: {
    title: 'Hard swish',
    summary: 'Multiplies each value by a piecewise-linear sigmoid of itself.',
    tex: String.raw`f(x) = x \cdot \max\big(0, \min(1,\, x/6 + 1/2)\big)`,
    family: 'activation',
  },
  Clip: {
    title: 'Clip',
    summary: 'Keeps values between a minimum and a maximum (ReLU6 is Clip(0, 6)).',
    tex: String.raw`f(x) = \min\big(\max(x, \mathit{min}),\, \mathit{max}\big)`,
    family: 'activation',
  },
  ReduceMean: {
    title: 'Mean',
    summary: 'Averages the values along the named axes.',
    tex: String.raw`y = \frac{1}{|A|} \sum_{a \in A} x_a`,
    family: 'reduction',
  },
  ReduceSum: {
    title: 'Sum',
    summary: 'Adds the values up along the named axes.',
    tex: String.raw`y = \sum_{a \in A} x_a`,
    family: 'reduction',
  },
  ReduceMax: {
    title: 'Maximum over axes',
    summary: 'Keeps the largest value along the named axes.',
    tex: String.raw`y = \max_{a \in A} x_a`,
    family: 'reduction',
  },
  Dropout: {
    title: 'Dropout',
    summary: 'Nothing at inference: dropout only zeroes random values while training.',
    tex: String.raw`y = x`,
    family: 'regularization',
  },
  Constant: {
    title: 'Constant',
    summary: 'A fixed tensor stored in the model.',
    tex: String.raw`y = c`,
    family: 'constant',
  },
  Input: {
    title: 'Model input',
    summary: 'Where the page’s data enters the model.',
    tex: String.raw`x`,
    family: 'input',
  },
  Where: {
    title: 'Where (select)',
    summary: 'Takes each value from one tensor or the other, as a condition says.',
    tex: String.raw`y_i = \begin{cases} a_i & c_i \\ b_i & \text{otherwise} \end{cases}`,
    family: 'other',
  },
  Resize: {
    title: 'Resize',
    summary: 'Scales the image (or feature maps) to a new height and width.',
    tex: String.raw`y_{n,c,i,j} = x_{n,c,\,\lfloor i/s_h \rfloor,\,\lfloor j/s_w \rfloor}`,
    where: 'shown for nearest-neighbour mode; linear modes interpolate between neighbours.',
    family: 'resize',
  },
};
