import { describe, expect, it } from 'vitest';
import { roleFromName } from './weight-role';

describe('roleFromName', () => {
  it.each([
    ['conv1/kernel', 'kernel'],
    ['conv1/kernel_1', 'kernel'],
    ['dense_Dense1/bias', 'bias'],
    ['dense_Dense1/bias:0', 'bias'],
    ['block_1_depthwise/depthwise_kernel', 'depthwise_kernel'],
    ['sep/pointwise_kernel', 'pointwise_kernel'],
    ['lstm_1/recurrent_kernel', 'recurrent_kernel'],
    ['bn/gamma', 'gamma'],
    ['bn/beta', 'beta'],
    ['bn/moving_mean', 'moving_mean'],
    ['bn/moving_variance', 'moving_variance'],
    ['embedding/embeddings', 'embeddings'],
    ['p_re_lu/alpha', 'alpha'],
    ['MobilenetV1/Conv2d_0/weights', 'kernel'],
    ['MobilenetV1/Conv2d_1_depthwise/depthwise_weights', 'depthwise_kernel'],
    ['MobilenetV1/offset_2/Conv2D_bias', 'bias'],
    ['MobilenetV1/Conv2d_0/biases', 'bias'],
    ['module_apply_default/hub_input/Mul/y', 'weight'],
    ['', 'weight'],
  ])('%s → %s', (name, role) => {
    expect(roleFromName(name)).toBe(role);
  });
});
