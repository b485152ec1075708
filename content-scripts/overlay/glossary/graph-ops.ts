// Built-in explanations of TensorFlow graph ops as converted GraphModels name them (GraphDef `op` field).

import type { Glossary, GlossaryEntry } from './types';

const same = (entry: GlossaryEntry, title?: string): GlossaryEntry => (title ? { ...entry, title } : entry);

const conv2d: GlossaryEntry = {
  title: '2-D convolution',
  summary:
    'Slides small learned filters over the image; each filter yields one output channel (a feature map) that lights up where its pattern appears.',
  tex: String.raw`y_{i,j,k} = \sum_{u,v,c} W_{u,v,c,k}\, x_{si+u,\,sj+v,\,c}`,
  where: 'W is the kernel (a Const input) and s the stride.',
  family: 'convolution',
};
const depthwise: GlossaryEntry = {
  title: 'Depthwise convolution',
  summary:
    'Filters each input channel on its own with its own small kernel, without mixing channels — a cheap spatial filter.',
  tex: String.raw`y_{i,j,c\cdot m+q} = \sum_{u,v} W_{u,v,c,q}\, x_{si+u,\,sj+v,\,c}`,
  where: 'm is the channel multiplier, s the stride.',
  family: 'convolution',
};
const matmul: GlossaryEntry = {
  title: 'Matrix multiply',
  summary: 'Every output is a weighted sum of all the inputs: the core of a fully connected layer.',
  tex: String.raw`y_{n,k} = \sum_{j} x_{n,j}\, W_{j,k}`,
  family: 'dense',
};
const batchNorm: GlossaryEntry = {
  title: 'Batch normalization',
  summary:
    'Rescales each channel to a steady range with statistics learned in training, then applies a learned scale and shift.',
  tex: String.raw`y = \gamma\,\frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta`,
  where: 'γ, β, μ and σ² are the Const inputs (scale, offset, mean, variance).',
  family: 'normalization',
};
const add: GlossaryEntry = {
  title: 'Add',
  summary: 'Adds two tensors element by element (broadcasting a smaller one across the larger).',
  tex: String.raw`y = a + b`,
  family: 'arithmetic',
};
const concat: GlossaryEntry = {
  title: 'Concatenate',
  summary: 'Joins its inputs side by side along one axis.',
  tex: String.raw`\mathbf{y} = \big[\,\mathbf{x}^{(1)} \;\|\; \mathbf{x}^{(2)} \;\|\; \cdots\,\big]`,
  family: 'merge',
};
const identity: GlossaryEntry = {
  title: 'Identity',
  summary: 'Passes its input through unchanged; converters use it to name outputs.',
  tex: String.raw`y = x`,
  family: 'other',
};
const pad: GlossaryEntry = {
  title: 'Pad',
  summary: 'Adds a border around the tensor (zeros, a constant or a mirror of the edge).',
  tex: String.raw`y = \operatorname{pad}(x,\ p)`,
  family: 'reshape',
};
const resizeBilinear: GlossaryEntry = {
  title: 'Bilinear resize',
  summary: 'Resizes images by blending the four nearest pixels of each sample point.',
  tex: String.raw`y(u,v) = \sum_{i,j \in \{0,1\}} w_i(u)\, w_j(v)\; x\big(\lfloor u \rfloor + i,\, \lfloor v \rfloor + j\big)`,
  family: 'resize',
};

export const GRAPH_OP_GLOSSARY: Glossary = {
  Placeholder: {
    title: 'Input',
    summary: 'Where data enters the graph: the page feeds a tensor in here when it runs the model.',
    tex: String.raw`\mathbf{x} \in \mathbb{R}^{b \times d_1 \times \cdots \times d_n}`,
    family: 'input',
  },
  PlaceholderWithDefault: {
    title: 'Input with default',
    summary: 'An input that uses a stored value unless the page feeds one.',
    tex: String.raw`\mathbf{x} = \text{fed value} \ \text{or}\ \text{default}`,
    family: 'input',
  },
  Const: {
    title: 'Constant',
    summary: 'A stored tensor — usually learned weights (a kernel or a bias) — read by the ops that use it.',
    tex: String.raw`W \in \mathbb{R}^{d_1 \times \cdots \times d_n}`,
    family: 'constant',
  },
  Identity: identity,
  IdentityN: same(identity, 'Identity (several)'),
  StopGradient: {
    ...identity,
    title: 'Stop gradient',
    summary: 'Passes its input through unchanged; only matters for training.',
  },
  Snapshot: same(identity, 'Snapshot'),
  NoOp: {
    title: 'No-op',
    summary: 'Does nothing; used to order other ops.',
    tex: String.raw`\varnothing`,
    family: 'other',
  },
  Conv2D: conv2d,
  _FusedConv2D: {
    ...conv2d,
    title: 'Fused 2-D convolution',
    summary:
      'A convolution with its bias and activation fused into one step: filters slide over the image and each yields a feature map.',
    tex: String.raw`y_{i,j,k} = f\Big(b_k + \sum_{u,v,c} W_{u,v,c,k}\, x_{si+u,\,sj+v,\,c}\Big)`,
    where: 'W is the kernel, b the bias, f the fused activation (see fused_ops).',
  },
  Conv2DBackpropInput: {
    title: 'Transposed convolution',
    summary:
      'Upsamples: spreads each input value over a filter-sized patch of a larger output and sums the overlaps.',
    tex: String.raw`y_{si+u,\,sj+v,\,k} \mathrel{+}= \sum_{c} W_{u,v,k,c}\, x_{i,j,c}`,
    family: 'convolution',
  },
  Conv3D: {
    title: '3-D convolution',
    summary: 'Slides learned 3-D filters through a volume, one output channel per filter.',
    tex: String.raw`y_{t,i,j,k} = \sum_{r,u,v,c} W_{r,u,v,c,k}\, x_{st+r,\,si+u,\,sj+v,\,c}`,
    family: 'convolution',
  },
  DepthwiseConv2dNative: depthwise,
  DepthwiseConv2D: depthwise,
  FusedDepthwiseConv2dNative: {
    ...depthwise,
    title: 'Fused depthwise convolution',
    summary:
      'A depthwise convolution with its bias and activation fused in: each channel is filtered on its own.',
    tex: String.raw`y_{i,j,c\cdot m+q} = f\Big(b + \sum_{u,v} W_{u,v,c,q}\, x_{si+u,\,sj+v,\,c}\Big)`,
  },
  MatMul: matmul,
  _FusedMatMul: {
    ...matmul,
    title: 'Fused matrix multiply',
    summary:
      'A fully connected layer in one step: weighted sums of all inputs, plus bias, through the activation.',
    tex: String.raw`\mathbf{y} = f\left(\mathbf{x}\,W + \mathbf{b}\right)`,
  },
  BatchMatMul: same(matmul, 'Batched matrix multiply'),
  BatchMatMulV2: same(matmul, 'Batched matrix multiply'),
  Einsum: {
    title: 'Einstein summation',
    summary: 'Multiplies tensors and sums over the shared indices given by an equation string.',
    tex: String.raw`y_{ik} = \sum_j a_{ij}\, b_{jk}`,
    family: 'arithmetic',
  },
  BiasAdd: {
    title: 'Add bias',
    summary: 'Adds a learned offset to each channel, shifting where the next activation switches on.',
    tex: String.raw`y_{\ldots,c} = x_{\ldots,c} + b_c`,
    family: 'arithmetic',
  },
  Add: add,
  AddV2: add,
  AddN: {
    ...add,
    title: 'Add several',
    summary: 'Adds any number of tensors element by element.',
    tex: String.raw`y = \sum_{k} x^{(k)}`,
  },
  Sub: {
    title: 'Subtract',
    summary: 'Subtracts one tensor from another element by element.',
    tex: String.raw`y = a - b`,
    family: 'arithmetic',
  },
  Mul: {
    title: 'Multiply',
    summary: 'Multiplies two tensors element by element (often scaling by a constant).',
    tex: String.raw`y = a \odot b`,
    family: 'arithmetic',
  },
  RealDiv: {
    title: 'Divide',
    summary: 'Divides one tensor by another element by element.',
    tex: String.raw`y = a / b`,
    family: 'arithmetic',
  },
  Div: {
    title: 'Divide',
    summary: 'Divides one tensor by another element by element.',
    tex: String.raw`y = a / b`,
    family: 'arithmetic',
  },
  DivNoNan: {
    title: 'Safe divide',
    summary: 'Divides element by element, giving 0 where the divisor is 0.',
    tex: String.raw`y = \begin{cases} a/b & b \ne 0 \\ 0 & b = 0 \end{cases}`,
    family: 'arithmetic',
  },
  FloorDiv: {
    title: 'Floor divide',
    summary: 'Divides and rounds down, element by element.',
    tex: String.raw`y = \lfloor a / b \rfloor`,
    family: 'arithmetic',
  },
  Maximum: {
    title: 'Maximum',
    summary: 'Takes the larger of two values, element by element.',
    tex: String.raw`y = \max(a, b)`,
    family: 'arithmetic',
  },
  Minimum: {
    title: 'Minimum',
    summary: 'Takes the smaller of two values, element by element.',
    tex: String.raw`y = \min(a, b)`,
    family: 'arithmetic',
  },
  Pow: {
    title: 'Power',
    summary: 'Raises values to a power, element by element.',
    tex: String.raw`y = a^{b}`,
    family: 'arithmetic',
  },
  SquaredDifference: {
    title: 'Squared difference',
    summary: 'Squares the difference of two tensors, element by element.',
    tex: String.raw`y = (a - b)^2`,
    family: 'arithmetic',
  },
  Square: {
    title: 'Square',
    summary: 'Squares every value.',
    tex: String.raw`y = x^2`,
    family: 'arithmetic',
  },
  Sqrt: {
    title: 'Square root',
    summary: 'Takes the square root of every value.',
    tex: String.raw`y = \sqrt{x}`,
    family: 'arithmetic',
  },
  Rsqrt: {
    title: 'Reciprocal square root',
    summary: 'Takes one over the square root of every value (used in normalization).',
    tex: String.raw`y = \frac{1}{\sqrt{x}}`,
    family: 'arithmetic',
  },
  Exp: {
    title: 'Exponential',
    summary: 'Raises e to the power of every value.',
    tex: String.raw`y = e^{x}`,
    family: 'arithmetic',
  },
  Log: {
    title: 'Logarithm',
    summary: 'Takes the natural logarithm of every value.',
    tex: String.raw`y = \ln x`,
    family: 'arithmetic',
  },
  Neg: {
    title: 'Negate',
    summary: 'Flips the sign of every value.',
    tex: String.raw`y = -x`,
    family: 'arithmetic',
  },
  Abs: {
    title: 'Absolute value',
    summary: 'Drops the sign of every value.',
    tex: String.raw`y = \lvert x \rvert`,
    family: 'arithmetic',
  },
  Reciprocal: {
    title: 'Reciprocal',
    summary: 'Takes one over every value.',
    tex: String.raw`y = 1/x`,
    family: 'arithmetic',
  },
  Floor: {
    title: 'Floor',
    summary: 'Rounds every value down.',
    tex: String.raw`y = \lfloor x \rfloor`,
    family: 'arithmetic',
  },
  Round: {
    title: 'Round',
    summary: 'Rounds every value to the nearest integer.',
    tex: String.raw`y = \lfloor x + \tfrac{1}{2} \rfloor`,
    family: 'arithmetic',
  },
  ClipByValue: {
    title: 'Clip',
    summary: 'Limits every value to a range.',
    tex: String.raw`y = \min(\max(x, a), b)`,
    family: 'arithmetic',
  },
  Relu: {
    title: 'ReLU',
    summary:
      'Keeps positive values and sets negative ones to zero: the switch that makes a network non-linear.',
    tex: String.raw`y = \max(0, x)`,
    family: 'activation',
  },
  Relu6: {
    title: 'ReLU6',
    summary: 'Keeps values between 0 and 6, cutting off below and above (MobileNet’s activation).',
    tex: String.raw`y = \min\big(\max(0, x),\, 6\big)`,
    family: 'activation',
  },
  LeakyRelu: {
    title: 'Leaky ReLU',
    summary: 'Like ReLU, but lets a small fraction of negative values through.',
    tex: String.raw`y = \max(\alpha x,\, x)`,
    family: 'activation',
  },
  Prelu: {
    title: 'Parametric ReLU',
    summary: 'Like leaky ReLU, with a learned slope for negative values per channel.',
    tex: String.raw`y_c = \begin{cases} x_c & x_c > 0 \\ \alpha_c\, x_c & x_c \le 0 \end{cases}`,
    family: 'activation',
  },
  Elu: {
    title: 'ELU',
    summary: 'Keeps positive values; bends negative ones smoothly towards −1.',
    tex: String.raw`y = \begin{cases} x & x > 0 \\ e^{x} - 1 & x \le 0 \end{cases}`,
    family: 'activation',
  },
  Selu: {
    title: 'SELU',
    summary: 'A scaled ELU whose constants keep activations normalized through deep stacks.',
    tex: String.raw`y = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
    family: 'activation',
  },
  Sigmoid: {
    title: 'Sigmoid',
    summary: 'Squashes every value into the range 0 to 1 — a soft on/off switch or a probability.',
    tex: String.raw`y = \sigma(x) = \frac{1}{1 + e^{-x}}`,
    family: 'activation',
  },
  Tanh: {
    title: 'Tanh',
    summary: 'Squashes every value into the range −1 to 1, centred on zero.',
    tex: String.raw`y = \tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
    family: 'activation',
  },
  Softplus: {
    title: 'Softplus',
    summary: 'A smooth version of ReLU.',
    tex: String.raw`y = \ln(1 + e^{x})`,
    family: 'activation',
  },
  Softsign: {
    title: 'Softsign',
    summary: 'Squashes values into −1 to 1, more gently than tanh.',
    tex: String.raw`y = \frac{x}{1 + \lvert x \rvert}`,
    family: 'activation',
  },
  Softmax: {
    title: 'Softmax',
    summary:
      'Turns a vector of scores into probabilities: all positive, summing to one, the largest score getting the most.',
    tex: String.raw`y_i = \frac{e^{x_i}}{\sum_j e^{x_j}}`,
    family: 'activation',
  },
  LogSoftmax: {
    title: 'Log-softmax',
    summary: 'The logarithm of the softmax probabilities, computed stably.',
    tex: String.raw`y_i = x_i - \ln \sum_j e^{x_j}`,
    family: 'activation',
  },
  FusedBatchNorm: batchNorm,
  FusedBatchNormV2: batchNorm,
  FusedBatchNormV3: batchNorm,
  LRN: {
    title: 'Local response normalization',
    summary:
      'Divides each value by the activity of neighbouring channels, so strong responses damp their neighbours.',
    tex: String.raw`y_c = \frac{x_c}{\big(k + \alpha \sum_{c' \in N(c)} x_{c'}^2\big)^{\beta}}`,
    family: 'normalization',
  },
  MaxPool: {
    title: 'Max pooling',
    summary:
      'Keeps the strongest response in each small window, shrinking the feature maps while keeping what was detected.',
    tex: String.raw`y_{i,j,c} = \max_{u,v < k} x_{si+u,\,sj+v,\,c}`,
    where: 'k is the window size (ksize) and s the stride.',
    family: 'pooling',
  },
  AvgPool: {
    title: 'Average pooling',
    summary: 'Replaces each small window of each feature map by its average.',
    tex: String.raw`y_{i,j,c} = \frac{1}{k^2}\sum_{u,v < k} x_{si+u,\,sj+v,\,c}`,
    family: 'pooling',
  },
  MaxPool3D: {
    title: 'Max pooling (3-D)',
    summary: 'Keeps the largest value in each small 3-D window.',
    tex: String.raw`y = \max_{r,u,v < k} x_{st+r,\,si+u,\,sj+v}`,
    family: 'pooling',
  },
  AvgPool3D: {
    title: 'Average pooling (3-D)',
    summary: 'Averages each small 3-D window.',
    tex: String.raw`y = \frac{1}{k^3}\sum_{r,u,v < k} x_{st+r,\,si+u,\,sj+v}`,
    family: 'pooling',
  },
  Mean: {
    title: 'Mean',
    summary:
      'Averages over the given axes — over height and width it is global average pooling, one number per channel.',
    tex: String.raw`y_c = \frac{1}{HW}\sum_{i,j} x_{i,j,c}`,
    family: 'reduction',
  },
  Sum: {
    title: 'Sum',
    summary: 'Adds up the values over the given axes.',
    tex: String.raw`y = \sum_{i \in \text{axes}} x_i`,
    family: 'reduction',
  },
  Max: {
    title: 'Maximum over axes',
    summary: 'Takes the largest value over the given axes.',
    tex: String.raw`y = \max_{i \in \text{axes}} x_i`,
    family: 'reduction',
  },
  Min: {
    title: 'Minimum over axes',
    summary: 'Takes the smallest value over the given axes.',
    tex: String.raw`y = \min_{i \in \text{axes}} x_i`,
    family: 'reduction',
  },
  Prod: {
    title: 'Product',
    summary: 'Multiplies the values over the given axes.',
    tex: String.raw`y = \prod_{i \in \text{axes}} x_i`,
    family: 'reduction',
  },
  ArgMax: {
    title: 'Arg max',
    summary: 'Gives the position of the largest value — the predicted class.',
    tex: String.raw`y = \operatorname*{arg\,max}_i x_i`,
    family: 'reduction',
  },
  ArgMin: {
    title: 'Arg min',
    summary: 'Gives the position of the smallest value.',
    tex: String.raw`y = \operatorname*{arg\,min}_i x_i`,
    family: 'reduction',
  },
  TopKV2: {
    title: 'Top k',
    summary: 'Picks the k largest values and where they are.',
    tex: String.raw`y = \operatorname{top}_k(x)`,
    family: 'reduction',
  },
  Reshape: {
    title: 'Reshape',
    summary: 'Rearranges the same values into a new shape; nothing is computed.',
    tex: String.raw`y = \operatorname{reshape}(x,\ \text{shape})`,
    family: 'reshape',
  },
  Squeeze: {
    title: 'Squeeze',
    summary: 'Removes axes of size 1 (for example the 1×1 left after global pooling).',
    tex: String.raw`y = \operatorname{squeeze}(x)`,
    family: 'reshape',
  },
  ExpandDims: {
    title: 'Expand dims',
    summary: 'Inserts an axis of size 1 into the shape.',
    tex: String.raw`y = \operatorname{expand}(x,\ \text{axis})`,
    family: 'reshape',
  },
  Transpose: {
    title: 'Transpose',
    summary: 'Reorders the axes of the tensor.',
    tex: String.raw`y_{i_{\pi(1)},\ldots,i_{\pi(n)}} = x_{i_1,\ldots,i_n}`,
    family: 'reshape',
  },
  ConcatV2: concat,
  Concat: concat,
  Pack: {
    title: 'Stack',
    summary: 'Stacks tensors of the same shape along a new axis.',
    tex: String.raw`y = [\,x^{(1)}, x^{(2)}, \ldots\,]`,
    family: 'merge',
  },
  Unpack: {
    title: 'Unstack',
    summary: 'Splits a tensor into slices along one axis.',
    tex: String.raw`y^{(k)} = x_{k,\ldots}`,
    family: 'reshape',
  },
  Split: {
    title: 'Split',
    summary: 'Cuts a tensor into equal pieces along one axis.',
    tex: String.raw`x = [\,y^{(1)} \,\|\, \cdots \,\|\, y^{(n)}\,]`,
    family: 'reshape',
  },
  SplitV: {
    title: 'Split',
    summary: 'Cuts a tensor into pieces of given sizes along one axis.',
    tex: String.raw`x = [\,y^{(1)} \,\|\, \cdots \,\|\, y^{(n)}\,]`,
    family: 'reshape',
  },
  Slice: {
    title: 'Slice',
    summary: 'Cuts out a rectangular block of the tensor.',
    tex: String.raw`y = x_{b_1 : b_1 + s_1,\ \ldots}`,
    family: 'reshape',
  },
  StridedSlice: {
    title: 'Strided slice',
    summary: 'Cuts out a block of the tensor, possibly with steps.',
    tex: String.raw`y = x_{b : e : s}`,
    family: 'reshape',
  },
  Tile: {
    title: 'Tile',
    summary: 'Repeats the tensor along its axes.',
    tex: String.raw`y_{i} = x_{i \bmod d}`,
    family: 'reshape',
  },
  Gather: {
    title: 'Gather',
    summary: 'Picks rows of a table by index (an embedding lookup, for instance).',
    tex: String.raw`y_t = x_{\text{idx}_t}`,
    family: 'embedding',
  },
  GatherV2: {
    title: 'Gather',
    summary: 'Picks slices of a tensor by index along an axis (an embedding lookup, for instance).',
    tex: String.raw`y_t = x_{\text{idx}_t}`,
    family: 'embedding',
  },
  GatherNd: {
    title: 'Gather (n-D)',
    summary: 'Picks elements or slices by multi-dimensional index.',
    tex: String.raw`y_t = x_{\text{idx}_t}`,
    family: 'embedding',
  },
  OneHot: {
    title: 'One-hot',
    summary: 'Turns each index into a vector of zeros with a single one.',
    tex: String.raw`y_{t,k} = [x_t = k]`,
    family: 'embedding',
  },
  Pad: pad,
  PadV2: pad,
  MirrorPad: { ...pad, title: 'Mirror pad', summary: 'Adds a border that mirrors the edge of the tensor.' },
  Cast: {
    title: 'Cast',
    summary: 'Converts values to another number type (for example integers to floats).',
    tex: String.raw`y = \operatorname{cast}(x)`,
    family: 'other',
  },
  Shape: {
    title: 'Shape',
    summary: 'Gives the shape of a tensor as a small integer tensor.',
    tex: String.raw`y = (d_1, \ldots, d_n)`,
    family: 'other',
  },
  Fill: {
    title: 'Fill',
    summary: 'Makes a tensor of a given shape filled with one value.',
    tex: String.raw`y_i = v`,
    family: 'other',
  },
  ZerosLike: {
    title: 'Zeros like',
    summary: 'Makes a tensor of zeros with the shape of its input.',
    tex: String.raw`y = 0`,
    family: 'other',
  },
  OnesLike: {
    title: 'Ones like',
    summary: 'Makes a tensor of ones with the shape of its input.',
    tex: String.raw`y = 1`,
    family: 'other',
  },
  Range: {
    title: 'Range',
    summary: 'Makes the sequence start, start + step, … below a limit.',
    tex: String.raw`y_i = a + i\,\delta`,
    family: 'other',
  },
  ResizeBilinear: resizeBilinear,
  ResizeNearestNeighbor: {
    title: 'Nearest-neighbour resize',
    summary: 'Resizes images by copying the nearest pixel.',
    tex: String.raw`y_{i,j} = x_{\lfloor i\,h/H \rfloor,\ \lfloor j\,w/W \rfloor}`,
    family: 'resize',
  },
  CropAndResize: {
    ...resizeBilinear,
    title: 'Crop and resize',
    summary: 'Cuts boxes out of images and resizes each to a fixed size.',
  },
  NonMaxSuppressionV2: {
    title: 'Non-max suppression',
    summary: 'Keeps the best-scoring boxes and drops boxes that overlap them too much.',
    tex: String.raw`\text{keep } b \iff \operatorname{IoU}(b, b') < \tau \ \ \forall\, b' \text{ kept with higher score}`,
    family: 'other',
  },
  NonMaxSuppressionV3: {
    title: 'Non-max suppression',
    summary: 'Keeps the best-scoring boxes and drops boxes that overlap them too much.',
    tex: String.raw`\text{keep } b \iff \operatorname{IoU}(b, b') < \tau \ \ \forall\, b' \text{ kept with higher score}`,
    family: 'other',
  },
  NonMaxSuppressionV5: {
    title: 'Non-max suppression',
    summary: 'Keeps the best-scoring boxes and drops boxes that overlap them too much.',
    tex: String.raw`\text{keep } b \iff \operatorname{IoU}(b, b') < \tau \ \ \forall\, b' \text{ kept with higher score}`,
    family: 'other',
  },
  Equal: {
    title: 'Equal',
    summary: 'Tests two tensors for equality, element by element.',
    tex: String.raw`y = [a = b]`,
    family: 'arithmetic',
  },
  Greater: {
    title: 'Greater',
    summary: 'Tests whether a is greater than b, element by element.',
    tex: String.raw`y = [a > b]`,
    family: 'arithmetic',
  },
  Less: {
    title: 'Less',
    summary: 'Tests whether a is less than b, element by element.',
    tex: String.raw`y = [a < b]`,
    family: 'arithmetic',
  },
  Select: {
    title: 'Select',
    summary: 'Picks from a where the condition holds, else from b.',
    tex: String.raw`y = \begin{cases} a & c \\ b & \lnot c \end{cases}`,
    family: 'arithmetic',
  },
  SelectV2: {
    title: 'Select',
    summary: 'Picks from a where the condition holds, else from b.',
    tex: String.raw`y = \begin{cases} a & c \\ b & \lnot c \end{cases}`,
    family: 'arithmetic',
  },
};
