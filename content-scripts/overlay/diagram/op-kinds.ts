// Op kinds for the diagram: every layer class or graph op falls into one of a few families, each with its own
// colour (a CSS custom property, so light and dark themes differ) and a legend entry. Pure.

import type { ModelNode } from '../../../model/model-graph';
import type { MessageKey } from '../../../extension/ui/i18n';

export type OpKind =
  | 'input'
  | 'conv'
  | 'dense'
  | 'recurrent'
  | 'norm'
  | 'activation'
  | 'pool'
  | 'math'
  | 'shape'
  | 'control'
  | 'model'
  | 'other';

export interface KindInfo {
  kind: OpKind;
  /** Legend text (a message key: `t(label)`). */
  label: MessageKey;
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'input', label: 'opKindInput' },
  { kind: 'conv', label: 'opKindConv' },
  { kind: 'dense', label: 'opKindDense' },
  { kind: 'recurrent', label: 'opKindRecurrent' },
  { kind: 'norm', label: 'opKindNorm' },
  { kind: 'activation', label: 'opKindActivation' },
  { kind: 'pool', label: 'opKindPool' },
  { kind: 'math', label: 'opKindMath' },
  { kind: 'shape', label: 'opKindShape' },
  { kind: 'control', label: 'opKindControl' },
  { kind: 'model', label: 'opKindModel' },
  { kind: 'other', label: 'opKindOther' },
];

const RULES: readonly [RegExp, OpKind][] = [
  [/^(inputlayer|placeholder|placeholderwithdefault)$/i, 'input'],
  [
    /^(enter|exit|merge|switch|nextiteration|loopcond|if|statelessif|while|statelesswhile|tensorlist.*|tensorarray.*)$/i,
    'control',
  ],
  [/(conv|deconv|separable|depthwise)/i, 'conv'],
  [/^(dense|matmul|batchmatmul.*|_fusedmatmul|einsum|embedding|gather)$/i, 'dense'],
  [/(lstm|gru|rnn|simplernn)/i, 'recurrent'],
  [/(batchnorm|normalization|fusedbatchnorm.*|lrn|layernorm)/i, 'norm'],
  [
    /^(relu6?|elu|selu|leakyrelu|prelu|sigmoid|tanh|softmax|logsoftmax|softplus|swish|gelu|activation|thresholdedrelu|relu6|hardsigmoid)$/i,
    'activation',
  ],
  [/(pool|^mean$|^max$|^min$|^sum$|^prod$|globalaverage|globalmax)/i, 'pool'],
  [
    /^(add|addv2|addn|sub|mul|div|realdiv|biasadd|maximum|minimum|square|sqrt|rsqrt|exp|log|neg|abs|pow|floor|floordiv|cast|identity|squareddifference|dropout|gaussiannoise|gaussiandropout|multiply|subtract|average|rescaling|lambda)$/i,
    'math',
  ],
  [
    /(reshape|flatten|squeeze|expanddims|concat|pack|unpack|split|slice|stridedslice|transpose|pad|tile|shape|permute|repeatvector|cropping|zeropadding|upsampling|resize|fill|range|stack)/i,
    'shape',
  ],
];

/** The family of a node's op (a nested model node is 'model'). */
export function opKind(node: Pick<ModelNode, 'op' | 'category'>): OpKind {
  if (node.category === 'input') return 'input';
  if (/^(sequential|model|functional)$/i.test(node.op)) return 'model';
  for (const [re, kind] of RULES) if (re.test(node.op)) return kind;
  return 'other';
}

/** The kinds present among `nodes`, in legend order. */
export function kindsPresent(kinds: Iterable<OpKind>): KindInfo[] {
  const present = new Set(kinds);
  return KINDS.filter((k) => present.has(k.kind));
}
