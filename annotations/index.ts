// The public API of annotations/ for the background, popup and overlay: the pack format, validation, targets,
// anchors, authoring and interop. Rendering (which needs a window) lives in annotations/render/render-annotation.ts.
export * from './format/types';
export {
  validatePack,
  validatePackText,
  formatValidationError,
  type ValidationError,
  type ValidationResult,
} from './format/validate';
export { LIMITS } from './format/limits';
export { generatePackSchema, SCHEMA_ID } from './format/pack-schema';
export {
  parseLiveValue,
  findLiveValues,
  formatLiveValue,
  liveValueToString,
  type LiveValueRef,
} from './format/live-values';
export { matchUrlPattern, parseUrlPattern } from './targets/url-glob';
export { matchPageUrl, type PageMatch } from './targets/match-page';
export {
  matchModels,
  structureFailures,
  type ModelBinding,
  type ModelMatch,
  type Evidence,
} from './targets/match-models';
export { evaluateStructuralCheck, isStructuralCheck, type CheckResult } from './targets/structural-checks';
export { resolveModelSelector, resolveModelAnchor, type ModelAnchor } from './anchors/model-anchors';
export { resolvePageTarget, resolvePageSelector, type PageAnchor } from './anchors/dom-anchors';
export { matchTextQuote, FUZZY_MIN_LENGTH, FUZZY_MAX_ERROR_RATE } from './anchors/text-quote';
export { describeRange, describeElement } from './anchors/describe';
export { buildPack, type BuildResult, type BuildError } from './author/build';
export { decompilePack } from './author/decompile';
export { exportW3C, importW3C } from './interop/w3c';
