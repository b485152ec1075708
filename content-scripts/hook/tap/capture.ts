// One tap frame: reduce (or clone) the page's tensor in our own scope, keep it, read it asynchronously, send the
// values as a transferable buffer, dispose what we made. Nothing here ever throws into the page.

import type { Reduction, TapFrame } from '../../../protocol/bridge';
import { asHook } from '../guard';
import { pageGlobals, safely } from '../page-globals';
import * as ops from '../tensor-ops';
import type { Budget } from './budget';
import { applyPlan, planReduction } from './reduce';

export interface CaptureTarget {
  subscriptionId: string;
  modelId: string;
  nodeId: string;
  reduction: Reduction;
  budget: Budget;
  /** False once the subscription is gone: a read that completes after that is dropped. */
  alive(): boolean;
  send(frame: TapFrame, transfer: ArrayBuffer[]): void;
  /** Our ops failed on this tensor (e.g. a reduction the backend lacks). */
  failed(): void;
}

/** Tensors we hold right now (kept clones and reductions waiting for their readback). */
let held = 0;

export function heldTensorCount(): number {
  return held;
}

export function captureFrame(engine: ops.Engine, t: ops.Tensor, target: CaptureTarget, call: number): void {
  const sourceShape = ops.shapeOf(t);
  const dtype = ops.dtypeOf(t);
  if (!sourceShape || !ops.readableDtype(dtype)) return;
  const plan = planReduction(sourceShape, target.reduction);
  if (!target.budget.reserve(ops.sizeOf(plan.shape) * 4)) return;
  const made = safely(() => asHook(() => applyPlan(engine, t, plan)), null);
  if (!made) {
    target.budget.release(false);
    target.failed();
    return;
  }
  held++;
  let settled = false;
  const settle = (sent: boolean): void => {
    if (settled) return;
    settled = true;
    held--;
    ops.dispose(made);
    target.budget.release(sent);
  };
  const deliver = ({ values, dtype: readDtype }: Awaited<ReturnType<typeof ops.readValues>>): void => {
    let sent = false;
    try {
      const shape = ops.shapeOf(made) ?? plan.shape;
      if (target.alive() && values.length === ops.sizeOf(shape)) {
        const buffer = values.buffer as ArrayBuffer;
        target.send(
          {
            subscriptionId: target.subscriptionId,
            modelId: target.modelId,
            nodeId: target.nodeId,
            shape,
            sourceShape,
            reduction: plan.reduction,
            dtype: readDtype,
            buffer,
            call,
            time: pageGlobals.now(),
          },
          [buffer],
        );
        sent = true;
      }
    } catch {}
    settle(sent);
  };
  try {
    ops.readValues(made).then(deliver, () => settle(false));
  } catch {
    settle(false);
  }
}
