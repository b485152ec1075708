// The words of the pack format (kinds, motivations, view/check/control types) and the patterns its strings
// must match, apart from the specs so the interop and target code can read them without the whole spec.
import { URL_PATTERN_SYNTAX } from '../targets/url-glob';

export const KINDS = ['note', 'equation', 'view', 'example', 'check', 'control', 'predict'] as const;
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
export const VIEW_TYPES = [
  'feature-maps',
  'activation-bars',
  'top-k',
  'weight-histogram',
  'filters',
] as const;
export const STRUCTURAL_CHECKS = ['shape', 'params', 'op', 'fingerprint'] as const;
export const BEHAVIOURAL_CHECKS = [
  'output-range',
  'sums-to',
  'top1',
  'invariance',
  'monotonic',
  'compare',
] as const;
export const CONTROL_TYPES = ['slider', 'choice', 'draw'] as const;
export const CONTROL_PARAMS = ['feature', 'brightness', 'shift', 'patch'] as const;

export const PATTERNS = {
  localId: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  packId: /^(?:[a-z][a-z0-9+.-]*:\S+|[A-Za-z0-9][A-Za-z0-9._-]*)$/,
  alias: /^[A-Za-z_][A-Za-z0-9_]*$/,
  semver:
    /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/,
  spdx: /^\(?[A-Za-z0-9.+-]+\)?(?: (?:AND|OR|WITH) \(?[A-Za-z0-9.+-]+\)?)*$/,
  fingerprint: /^[0-9a-f]{64}$/,
  ed25519PublicKey: /^[A-Za-z0-9_-]{43}$/,
  ed25519Signature: /^[A-Za-z0-9_-]{86}$/,
  httpUrl: /^https?:\/\/\S+$/,
  language: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/,
  image: /^(?:https:\/\/\S+|data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2})$/,
  symbol: /^\S{1,64}$/,
  urlPattern: URL_PATTERN_SYNTAX,
};
