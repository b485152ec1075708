// Weight roles ("kernel", "bias", …) let packs name a weight without knowing variable names; derived from names.
import { WEIGHT_ROLES, type WeightRole } from './model-graph';

/** The roles a variable is named after ('moving_mean', 'recurrent_kernel'): all but the three generic ones. */
const GENERIC: readonly WeightRole[] = ['kernel', 'bias', 'weight'];
const SAME_NAME = WEIGHT_ROLES.filter((role) => !GENERIC.includes(role));

/**
 * The role of a weight from its name's last path segment: 'conv1/kernel' → kernel, 'lstm/recurrent_kernel' →
 * recurrent_kernel, 'MobilenetV1/Conv2d_1_depthwise/depthwise_weights' → depthwise_kernel, 'Conv2D_bias' → bias.
 * Variable uniqueness suffixes ('kernel_1', 'kernel:0') are ignored. Unknown names are 'weight'.
 */
export function roleFromName(name: string): WeightRole {
  const last = (name.split('/').pop() ?? '').toLowerCase().replace(/:\d+$/, '').replace(/_\d+$/, '');
  for (const role of SAME_NAME) if (last === role || last.endsWith('_' + role)) return role;
  if (/^(depthwise|dw)_?(weights?|filter)$/.test(last)) return 'depthwise_kernel';
  if (/^(pointwise|pw)_?(weights?|filter)$/.test(last)) return 'pointwise_kernel';
  if (/(^|_)(kernel|weights?|filter|w)$/.test(last)) return 'kernel';
  if (/(^|_)(bias|biases|b)$/.test(last)) return 'bias';
  return 'weight';
}
