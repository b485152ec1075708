// The executable-explanation engine's public surface: run a pack's examples and checks through a ModelRunner.
export * from './types';
export { runPack, runExample, runCheck, summarize } from './run-pack';
export { computeStaleness } from './staleness';
export { applyTransform, describeTransform, channelRange } from './transforms';
export { withTimeout, CouldNotRun } from './prober';
