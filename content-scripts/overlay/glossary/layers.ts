// Built-in explanations of tfjs-layers (Keras) layer classes, keyed by class name as getClassName() reports it.

import type { Glossary } from './types';

const CONV_WHERE = 'W is the kernel, b the bias, s the stride and f the activation.';
const POOL_WHERE = 'k is the pool size and s the stride.';
const DROPOUT_SUMMARY =
  'While training, randomly zeroes a fraction r of the values so that no unit is relied on too much; when predicting it passes values through unchanged.';

export const LAYER_GLOSSARY: Glossary = {
  InputLayer: {
    title: 'Input',
    summary:
      'Where data enters the model: it fixes the shape of the input and passes the values on unchanged.',
    tex: String.raw`\mathbf{x} \in \mathbb{R}^{b \times d_1 \times \cdots \times d_n}`,
    where: 'b is the batch size (free), d₁ … dₙ the input dimensions.',
    family: 'input',
  },
  Dense: {
    title: 'Fully connected',
    summary:
      'Every output is a weighted sum of all the inputs plus a bias, passed through the activation function.',
    tex: String.raw`\mathbf{y} = f\left(\mathbf{x}\,W + \mathbf{b}\right)`,
    where: 'W is the kernel (inputs × units), b the bias and f the activation.',
    family: 'dense',
  },
  Conv1D: {
    title: '1-D convolution',
    summary:
      'Slides learned filters along a sequence; each filter yields one output channel that responds where its pattern appears.',
    tex: String.raw`y_{t,k} = f\Big(b_k + \sum_{u,c} W_{u,c,k}\, x_{st+u,\,c}\Big)`,
    where: CONV_WHERE,
    family: 'convolution',
  },
  Conv2D: {
    title: '2-D convolution',
    summary:
      'Slides small learned filters over the image; each filter yields one output channel (a feature map) that lights up where its pattern appears.',
    tex: String.raw`y_{i,j,k} = f\Big(b_k + \sum_{u,v,c} W_{u,v,c,k}\, x_{si+u,\,sj+v,\,c}\Big)`,
    where: CONV_WHERE,
    family: 'convolution',
  },
  Conv3D: {
    title: '3-D convolution',
    summary: 'Slides learned 3-D filters through a volume (or a video), one output channel per filter.',
    tex: String.raw`y_{t,i,j,k} = f\Big(b_k + \sum_{r,u,v,c} W_{r,u,v,c,k}\, x_{st+r,\,si+u,\,sj+v,\,c}\Big)`,
    where: CONV_WHERE,
    family: 'convolution',
  },
  Conv2DTranspose: {
    title: 'Transposed convolution',
    summary:
      'Upsamples: spreads each input value over a filter-sized patch of a larger output and sums the overlaps (the reverse of a strided convolution).',
    tex: String.raw`y_{si+u,\,sj+v,\,k} \mathrel{+}= \sum_{c} W_{u,v,k,c}\, x_{i,j,c}`,
    where: 'W is the kernel and s the stride; a bias and activation follow.',
    family: 'convolution',
  },
  DepthwiseConv2D: {
    title: 'Depthwise convolution',
    summary:
      'Filters each input channel on its own with its own small kernel, without mixing channels — a cheap spatial filter.',
    tex: String.raw`y_{i,j,c\cdot m+q} = f\Big(b + \sum_{u,v} W_{u,v,c,q}\, x_{si+u,\,sj+v,\,c}\Big)`,
    where: 'm is the depth multiplier (outputs per input channel), q < m.',
    family: 'convolution',
  },
  SeparableConv2D: {
    title: 'Separable convolution',
    summary:
      'A depthwise convolution (each channel filtered alone) followed by a 1×1 pointwise convolution that mixes the channels.',
    tex: String.raw`\mathbf{y} = f\big(P \ast_{1\times 1} (D \ast_{\text{depthwise}} \mathbf{x}) + \mathbf{b}\big)`,
    where: 'D is the depthwise kernel, P the pointwise kernel.',
    family: 'convolution',
  },
  MaxPooling1D: {
    title: 'Max pooling (1-D)',
    summary: 'Keeps the largest value in each window along the sequence, shortening it.',
    tex: String.raw`y_{t,c} = \max_{u < k} x_{st+u,\,c}`,
    where: POOL_WHERE,
    family: 'pooling',
  },
  MaxPooling2D: {
    title: 'Max pooling',
    summary:
      'Keeps the strongest response in each small window, shrinking the feature maps while keeping what was detected.',
    tex: String.raw`y_{i,j,c} = \max_{u,v < k} x_{si+u,\,sj+v,\,c}`,
    where: POOL_WHERE,
    family: 'pooling',
  },
  MaxPooling3D: {
    title: 'Max pooling (3-D)',
    summary: 'Keeps the largest value in each small 3-D window of the volume.',
    tex: String.raw`y_{t,i,j,c} = \max_{r,u,v < k} x_{st+r,\,si+u,\,sj+v,\,c}`,
    where: POOL_WHERE,
    family: 'pooling',
  },
  AveragePooling1D: {
    title: 'Average pooling (1-D)',
    summary: 'Replaces each window along the sequence by its average.',
    tex: String.raw`y_{t,c} = \frac{1}{k}\sum_{u < k} x_{st+u,\,c}`,
    where: POOL_WHERE,
    family: 'pooling',
  },
  AveragePooling2D: {
    title: 'Average pooling',
    summary: 'Replaces each small window of each feature map by its average, shrinking the maps smoothly.',
    tex: String.raw`y_{i,j,c} = \frac{1}{k^2}\sum_{u,v < k} x_{si+u,\,sj+v,\,c}`,
    where: POOL_WHERE,
    family: 'pooling',
  },
  AveragePooling3D: {
    title: 'Average pooling (3-D)',
    summary: 'Replaces each small 3-D window of the volume by its average.',
    tex: String.raw`y_{t,i,j,c} = \frac{1}{k^3}\sum_{r,u,v < k} x_{st+r,\,si+u,\,sj+v,\,c}`,
    where: POOL_WHERE,
    family: 'pooling',
  },
  GlobalAveragePooling1D: {
    title: 'Global average pooling (1-D)',
    summary: 'Averages each channel over the whole sequence, giving one number per channel.',
    tex: String.raw`y_c = \frac{1}{T}\sum_{t} x_{t,c}`,
    family: 'pooling',
  },
  GlobalAveragePooling2D: {
    title: 'Global average pooling',
    summary:
      'Averages each feature map over the whole image, giving one number per channel: how present that feature is.',
    tex: String.raw`y_c = \frac{1}{HW}\sum_{i,j} x_{i,j,c}`,
    where: 'H × W is the size of each feature map.',
    family: 'pooling',
  },
  GlobalMaxPooling1D: {
    title: 'Global max pooling (1-D)',
    summary: 'Takes the largest value of each channel over the whole sequence.',
    tex: String.raw`y_c = \max_{t} x_{t,c}`,
    family: 'pooling',
  },
  GlobalMaxPooling2D: {
    title: 'Global max pooling',
    summary:
      'Takes the strongest response of each feature map anywhere in the image, one number per channel.',
    tex: String.raw`y_c = \max_{i,j} x_{i,j,c}`,
    family: 'pooling',
  },
  BatchNormalization: {
    title: 'Batch normalization',
    summary:
      'Rescales each channel to a steady range using statistics learned in training, then applies a learned scale and shift.',
    tex: String.raw`y = \gamma\,\frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta`,
    where: 'μ and σ² are the moving mean and variance, γ the scale, β the shift, ε a small constant.',
    family: 'normalization',
  },
  LayerNormalization: {
    title: 'Layer normalization',
    summary:
      'Normalizes the values of each example to zero mean and unit variance, then applies a learned scale and shift.',
    tex: String.raw`y_i = \gamma_i\,\frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta_i`,
    where: 'μ and σ² are the mean and variance over the example’s features.',
    family: 'normalization',
  },
  Activation: {
    title: 'Activation',
    summary:
      'Applies a fixed function to every value on its own, which lets the network model non-linear relations.',
    tex: String.raw`y = f(x)`,
    family: 'activation',
  },
  ReLU: {
    title: 'ReLU',
    summary: 'Keeps positive values and sets negative ones to zero (optionally capped at a maximum, e.g. 6).',
    tex: String.raw`y = \min\big(\max(0, x),\, m\big)`,
    where: 'm is the optional cap (maxValue); without one, y = max(0, x).',
    family: 'activation',
  },
  LeakyReLU: {
    title: 'Leaky ReLU',
    summary: 'Like ReLU, but lets a small fraction of negative values through instead of zeroing them.',
    tex: String.raw`y = \max(\alpha x,\, x)`,
    where: 'α is a small slope, e.g. 0.3.',
    family: 'activation',
  },
  PReLU: {
    title: 'Parametric ReLU',
    summary: 'Like leaky ReLU, but the slope for negative values is learned, one per channel.',
    tex: String.raw`y_c = \begin{cases} x_c & x_c > 0 \\ \alpha_c\, x_c & x_c \le 0 \end{cases}`,
    family: 'activation',
  },
  ELU: {
    title: 'ELU',
    summary: 'Keeps positive values; bends negative ones smoothly towards −α instead of cutting them off.',
    tex: String.raw`y = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
    family: 'activation',
  },
  ThresholdedReLU: {
    title: 'Thresholded ReLU',
    summary: 'Passes values above a threshold θ and zeroes the rest.',
    tex: String.raw`y = \begin{cases} x & x > \theta \\ 0 & \text{otherwise} \end{cases}`,
    family: 'activation',
  },
  Softmax: {
    title: 'Softmax',
    summary:
      'Turns a vector of scores into probabilities: all positive, summing to one, the largest score getting the most.',
    tex: String.raw`y_i = \frac{e^{x_i}}{\sum_j e^{x_j}}`,
    family: 'activation',
  },
  Dropout: {
    title: 'Dropout',
    summary: DROPOUT_SUMMARY,
    tex: String.raw`y = x \quad\text{(predicting)},\qquad y = \frac{m \odot x}{1 - r},\; m_i \sim \mathrm{Bernoulli}(1 - r) \quad\text{(training)}`,
    family: 'regularization',
  },
  SpatialDropout1D: {
    title: 'Spatial dropout (1-D)',
    summary: 'Like dropout, but drops whole channels at a time while training; does nothing when predicting.',
    tex: String.raw`y = x \quad\text{(predicting)}`,
    family: 'regularization',
  },
  SpatialDropout2D: {
    title: 'Spatial dropout',
    summary:
      'Like dropout, but drops whole feature maps at a time while training; does nothing when predicting.',
    tex: String.raw`y = x \quad\text{(predicting)}`,
    family: 'regularization',
  },
  GaussianNoise: {
    title: 'Gaussian noise',
    summary: 'Adds random noise while training, to make the model robust; does nothing when predicting.',
    tex: String.raw`y = x + \varepsilon,\; \varepsilon \sim \mathcal{N}(0, \sigma^2) \quad\text{(training)}`,
    family: 'regularization',
  },
  GaussianDropout: {
    title: 'Gaussian dropout',
    summary: 'Multiplies values by random noise around 1 while training; does nothing when predicting.',
    tex: String.raw`y = x \odot \varepsilon,\; \varepsilon \sim \mathcal{N}\!\left(1, \tfrac{r}{1-r}\right) \quad\text{(training)}`,
    family: 'regularization',
  },
  AlphaDropout: {
    title: 'Alpha dropout',
    summary:
      'Dropout that keeps the mean and variance of SELU networks while training; does nothing when predicting.',
    tex: String.raw`y = x \quad\text{(predicting)}`,
    family: 'regularization',
  },
  Flatten: {
    title: 'Flatten',
    summary:
      'Unrolls each example into one long vector, so that a fully connected layer can read it. No values change.',
    tex: String.raw`\mathbf{y} = \operatorname{vec}(x) \in \mathbb{R}^{b \times (d_1 d_2 \cdots d_n)}`,
    family: 'reshape',
  },
  Reshape: {
    title: 'Reshape',
    summary: 'Rearranges the same values into a new shape; nothing is computed.',
    tex: String.raw`y = \operatorname{reshape}(x,\ \text{targetShape})`,
    family: 'reshape',
  },
  Permute: {
    title: 'Permute',
    summary: 'Reorders the axes of each example (for instance swaps rows and columns).',
    tex: String.raw`y_{i_{\pi(1)},\ldots,i_{\pi(n)}} = x_{i_1,\ldots,i_n}`,
    family: 'reshape',
  },
  RepeatVector: {
    title: 'Repeat vector',
    summary: 'Repeats the input vector n times, making a sequence of copies.',
    tex: String.raw`y_{t} = \mathbf{x}, \quad t = 1, \ldots, n`,
    family: 'reshape',
  },
  Concatenate: {
    title: 'Concatenate',
    summary: 'Joins its inputs side by side along one axis (by default the channels).',
    tex: String.raw`\mathbf{y} = \big[\,\mathbf{x}^{(1)} \;\|\; \mathbf{x}^{(2)} \;\|\; \cdots\,\big]`,
    family: 'merge',
  },
  Add: {
    title: 'Add',
    summary:
      'Adds its inputs element by element — often a skip connection that lets a block learn a correction.',
    tex: String.raw`\mathbf{y} = \sum_{k} \mathbf{x}^{(k)}`,
    family: 'merge',
  },
  Subtract: {
    title: 'Subtract',
    summary: 'Subtracts its second input from its first, element by element.',
    tex: String.raw`\mathbf{y} = \mathbf{x}^{(1)} - \mathbf{x}^{(2)}`,
    family: 'merge',
  },
  Multiply: {
    title: 'Multiply',
    summary: 'Multiplies its inputs element by element (for example a gate scaling a signal).',
    tex: String.raw`\mathbf{y} = \mathbf{x}^{(1)} \odot \mathbf{x}^{(2)} \odot \cdots`,
    family: 'merge',
  },
  Average: {
    title: 'Average',
    summary: 'Averages its inputs element by element.',
    tex: String.raw`\mathbf{y} = \frac{1}{K}\sum_{k=1}^{K} \mathbf{x}^{(k)}`,
    family: 'merge',
  },
  Maximum: {
    title: 'Maximum',
    summary: 'Takes the element-wise maximum of its inputs.',
    tex: String.raw`y_i = \max_k x^{(k)}_i`,
    family: 'merge',
  },
  Minimum: {
    title: 'Minimum',
    summary: 'Takes the element-wise minimum of its inputs.',
    tex: String.raw`y_i = \min_k x^{(k)}_i`,
    family: 'merge',
  },
  Dot: {
    title: 'Dot product',
    summary: 'Takes the dot product of its two inputs along the given axes (for example a similarity score).',
    tex: String.raw`y = \sum_i x^{(1)}_i\, x^{(2)}_i`,
    family: 'merge',
  },
  ZeroPadding2D: {
    title: 'Zero padding',
    summary:
      'Adds a border of zeros around each feature map, so that the next convolution can reach the edges.',
    tex: String.raw`y_{i,j,c} = \begin{cases} x_{i-p,\,j-p,\,c} & \text{inside} \\ 0 & \text{in the border} \end{cases}`,
    where: 'p is the padding on each side.',
    family: 'reshape',
  },
  Cropping2D: {
    title: 'Cropping',
    summary: 'Cuts a border off each feature map.',
    tex: String.raw`y_{i,j,c} = x_{i+p,\,j+p,\,c}`,
    family: 'reshape',
  },
  UpSampling2D: {
    title: 'Upsampling',
    summary: 'Enlarges each feature map by repeating (or interpolating) its pixels.',
    tex: String.raw`y_{i,j,c} = x_{\lfloor i/s \rfloor,\,\lfloor j/s \rfloor,\,c}`,
    where: 's is the upsampling factor.',
    family: 'resize',
  },
  Embedding: {
    title: 'Embedding',
    summary: 'Looks up a learned vector for each token id: a table with one row per word or symbol.',
    tex: String.raw`\mathbf{y}_t = E_{x_t,\,:}`,
    where: 'E is the embedding table (vocabulary × dimensions), xₜ the id of token t.',
    family: 'embedding',
  },
  SimpleRNN: {
    title: 'Simple recurrent layer',
    summary: 'Reads a sequence step by step, mixing each input with a memory of what came before.',
    tex: String.raw`\mathbf{h}_t = f\left(\mathbf{x}_t W + \mathbf{h}_{t-1} U + \mathbf{b}\right)`,
    where: 'W is the kernel, U the recurrent kernel, hₜ the state after step t.',
    family: 'recurrent',
  },
  SimpleRNNCell: {
    title: 'Simple recurrent cell',
    summary: 'One step of a simple recurrent layer.',
    tex: String.raw`\mathbf{h}_t = f\left(\mathbf{x}_t W + \mathbf{h}_{t-1} U + \mathbf{b}\right)`,
    family: 'recurrent',
  },
  LSTM: {
    title: 'Long short-term memory',
    summary:
      'Reads a sequence step by step, keeping a memory cell that learned gates decide to forget, update and reveal — so it can carry information over long spans.',
    tex: String.raw`\begin{aligned}
\mathbf{i}_t &= \sigma(\mathbf{x}_t W_i + \mathbf{h}_{t-1} U_i + \mathbf{b}_i) \\
\mathbf{f}_t &= \sigma(\mathbf{x}_t W_f + \mathbf{h}_{t-1} U_f + \mathbf{b}_f) \\
\mathbf{o}_t &= \sigma(\mathbf{x}_t W_o + \mathbf{h}_{t-1} U_o + \mathbf{b}_o) \\
\tilde{\mathbf{c}}_t &= \tanh(\mathbf{x}_t W_c + \mathbf{h}_{t-1} U_c + \mathbf{b}_c) \\
\mathbf{c}_t &= \mathbf{f}_t \odot \mathbf{c}_{t-1} + \mathbf{i}_t \odot \tilde{\mathbf{c}}_t \\
\mathbf{h}_t &= \mathbf{o}_t \odot \tanh(\mathbf{c}_t)
\end{aligned}`,
    where: 'i, f, o are the input, forget and output gates; c is the memory cell, h the output.',
    family: 'recurrent',
  },
  LSTMCell: {
    title: 'LSTM cell',
    summary: 'One step of an LSTM: gates decide what to forget, what to store and what to output.',
    tex: String.raw`\mathbf{c}_t = \mathbf{f}_t \odot \mathbf{c}_{t-1} + \mathbf{i}_t \odot \tilde{\mathbf{c}}_t,\quad \mathbf{h}_t = \mathbf{o}_t \odot \tanh(\mathbf{c}_t)`,
    family: 'recurrent',
  },
  GRU: {
    title: 'Gated recurrent unit',
    summary:
      'Reads a sequence step by step; an update gate decides how much of its memory to replace at each step.',
    tex: String.raw`\begin{aligned}
\mathbf{z}_t &= \sigma(\mathbf{x}_t W_z + \mathbf{h}_{t-1} U_z + \mathbf{b}_z) \\
\mathbf{r}_t &= \sigma(\mathbf{x}_t W_r + \mathbf{h}_{t-1} U_r + \mathbf{b}_r) \\
\tilde{\mathbf{h}}_t &= \tanh(\mathbf{x}_t W_h + (\mathbf{r}_t \odot \mathbf{h}_{t-1}) U_h + \mathbf{b}_h) \\
\mathbf{h}_t &= (1 - \mathbf{z}_t) \odot \mathbf{h}_{t-1} + \mathbf{z}_t \odot \tilde{\mathbf{h}}_t
\end{aligned}`,
    where: 'z is the update gate, r the reset gate.',
    family: 'recurrent',
  },
  GRUCell: {
    title: 'GRU cell',
    summary: 'One step of a GRU.',
    tex: String.raw`\mathbf{h}_t = (1 - \mathbf{z}_t) \odot \mathbf{h}_{t-1} + \mathbf{z}_t \odot \tilde{\mathbf{h}}_t`,
    family: 'recurrent',
  },
  ConvLSTM2D: {
    title: 'Convolutional LSTM',
    summary: 'An LSTM whose gates are convolutions, for sequences of images.',
    tex: String.raw`\mathbf{c}_t = \mathbf{f}_t \odot \mathbf{c}_{t-1} + \mathbf{i}_t \odot \tanh(W_c \ast \mathbf{x}_t + U_c \ast \mathbf{h}_{t-1})`,
    family: 'recurrent',
  },
  RNN: {
    title: 'Recurrent layer',
    summary: 'Runs a cell over a sequence, step by step, carrying its state from one step to the next.',
    tex: String.raw`\mathbf{h}_t = \operatorname{cell}(\mathbf{x}_t, \mathbf{h}_{t-1})`,
    family: 'recurrent',
  },
  StackedRNNCells: {
    title: 'Stacked recurrent cells',
    summary: 'Several recurrent cells applied one after the other at each step.',
    tex: String.raw`\mathbf{h}^{(l)}_t = \operatorname{cell}_l(\mathbf{h}^{(l-1)}_t, \mathbf{h}^{(l)}_{t-1})`,
    family: 'recurrent',
  },
  Bidirectional: {
    title: 'Bidirectional',
    summary: 'Runs a recurrent layer forwards and backwards over the sequence and joins both readings.',
    tex: String.raw`\mathbf{h}_t = \big[\,\overrightarrow{\mathbf{h}}_t \;\|\; \overleftarrow{\mathbf{h}}_t\,\big]`,
    family: 'recurrent',
  },
  TimeDistributed: {
    title: 'Time distributed',
    summary: 'Applies the same inner layer to every step of a sequence.',
    tex: String.raw`\mathbf{y}_t = g(\mathbf{x}_t)`,
    family: 'other',
  },
  Masking: {
    title: 'Masking',
    summary: 'Marks sequence steps equal to a padding value so that later recurrent layers skip them.',
    tex: String.raw`\text{mask}_t = \big[\exists i: x_{t,i} \ne v\big]`,
    family: 'other',
  },
  Rescaling: {
    title: 'Rescaling',
    summary:
      'Multiplies every value by a scale and adds an offset (for example maps pixels from 0–255 to 0–1).',
    tex: String.raw`y = s\,x + o`,
    family: 'arithmetic',
  },
  Resizing: {
    title: 'Resizing',
    summary: 'Resizes images to a fixed height and width.',
    tex: String.raw`y = \operatorname{resize}(x,\ H \times W)`,
    family: 'resize',
  },
  CenterCrop: {
    title: 'Center crop',
    summary: 'Cuts the central H × W region out of each image.',
    tex: String.raw`y_{i,j,c} = x_{i + \lfloor (H_x - H)/2 \rfloor,\; j + \lfloor (W_x - W)/2 \rfloor,\; c}`,
    family: 'resize',
  },
  Sequential: {
    title: 'Nested model',
    summary: 'A whole model used as one layer: its own layers (listed before it) run one after the other.',
    tex: String.raw`\mathbf{y} = g_n\big(\cdots g_2(g_1(\mathbf{x}))\big)`,
    family: 'model',
  },
  Model: {
    title: 'Nested model',
    summary: 'A whole model used as one layer; its own layers are listed before it.',
    tex: String.raw`\mathbf{y} = g(\mathbf{x})`,
    family: 'model',
  },
  Functional: {
    title: 'Nested model',
    summary: 'A whole model used as one layer; its own layers are listed before it.',
    tex: String.raw`\mathbf{y} = g(\mathbf{x})`,
    family: 'model',
  },
};
