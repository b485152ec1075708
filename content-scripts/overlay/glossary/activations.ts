// Built-in explanations of the activation functions a layer can name in its `activation` attribute.

import type { Glossary } from './types';

export const ACTIVATION_GLOSSARY: Glossary = {
  linear: {
    title: 'Linear (none)',
    summary: 'No activation: values pass through unchanged.',
    tex: String.raw`f(x) = x`,
    family: 'activation',
  },
  relu: {
    title: 'ReLU',
    summary: 'Keeps positive values and sets negative ones to zero.',
    tex: String.raw`f(x) = \max(0, x)`,
    family: 'activation',
  },
  relu6: {
    title: 'ReLU6',
    summary: 'Keeps values between 0 and 6.',
    tex: String.raw`f(x) = \min\big(\max(0, x),\, 6\big)`,
    family: 'activation',
  },
  elu: {
    title: 'ELU',
    summary: 'Keeps positive values; bends negative ones smoothly towards −1.',
    tex: String.raw`f(x) = \begin{cases} x & x > 0 \\ e^{x} - 1 & x \le 0 \end{cases}`,
    family: 'activation',
  },
  selu: {
    title: 'SELU',
    summary: 'A scaled ELU that keeps activations normalized through deep stacks.',
    tex: String.raw`f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
    family: 'activation',
  },
  sigmoid: {
    title: 'Sigmoid',
    summary: 'Squashes values into 0 to 1.',
    tex: String.raw`f(x) = \frac{1}{1 + e^{-x}}`,
    family: 'activation',
  },
  hardSigmoid: {
    title: 'Hard sigmoid',
    summary: 'A piecewise-linear, cheaper sigmoid.',
    tex: String.raw`f(x) = \min\big(1, \max(0,\, 0.2x + 0.5)\big)`,
    family: 'activation',
  },
  tanh: {
    title: 'Tanh',
    summary: 'Squashes values into −1 to 1.',
    tex: String.raw`f(x) = \tanh x`,
    family: 'activation',
  },
  softplus: {
    title: 'Softplus',
    summary: 'A smooth version of ReLU, without the corner at zero.',
    tex: String.raw`f(x) = \ln(1 + e^{x})`,
    family: 'activation',
  },
  softsign: {
    title: 'Softsign',
    summary: 'Squashes values into −1 to 1, gently.',
    tex: String.raw`f(x) = \frac{x}{1 + \lvert x \rvert}`,
    family: 'activation',
  },
  softmax: {
    title: 'Softmax',
    summary: 'Turns the scores into probabilities that sum to one.',
    tex: String.raw`f(\mathbf{x})_i = \frac{e^{x_i}}{\sum_j e^{x_j}}`,
    family: 'activation',
  },
  logSoftmax: {
    title: 'Log-softmax',
    summary: 'The logarithm of the softmax probabilities.',
    tex: String.raw`f(\mathbf{x})_i = x_i - \ln \sum_j e^{x_j}`,
    family: 'activation',
  },
  swish: {
    title: 'Swish',
    summary: 'The input times its own sigmoid: a smooth, slightly non-monotonic ReLU.',
    tex: String.raw`f(x) = x\,\sigma(x)`,
    family: 'activation',
  },
  mish: {
    title: 'Mish',
    summary: 'A smooth ReLU-like function.',
    tex: String.raw`f(x) = x \tanh\big(\ln(1 + e^{x})\big)`,
    family: 'activation',
  },
  gelu: {
    title: 'GELU',
    summary: 'Weights each value by how likely it is to be positive under a Gaussian.',
    tex: String.raw`f(x) = x\,\Phi(x)`,
    family: 'activation',
  },
  gelu_new: {
    title: 'GELU (tanh approximation)',
    summary: 'A fast approximation of GELU.',
    tex: String.raw`f(x) = \tfrac{1}{2} x \Big(1 + \tanh\big(\sqrt{2/\pi}\,(x + 0.044715 x^3)\big)\Big)`,
    family: 'activation',
  },
};
