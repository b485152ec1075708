// What an example may read, decided before anything is fetched or drawn (pure): which image URLs are allowed,
// how big a picture may be, and the reasons a person can act on when a page element cannot be read.

import { t } from '../../../extension/ui/i18n';

/** Largest encoded picture an example may fetch. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Largest side of a decoded picture (the probe accepts at most this). */
export const MAX_IMAGE_SIDE = 4096;

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/;

/** Null when the URL may be fetched as an example picture, else why not. */
export function imageUrlProblem(url: string): string | null {
  if (url.startsWith('data:')) return DATA_IMAGE.test(url) ? null : t('inputDataUrl');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return t('inputNotUrl', short(url));
  }
  if (parsed.protocol === 'https:') return null;
  // The gallery and local demos are served over http on this machine; anything else must be https.
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return null;
  return t('inputProtocol', parsed.protocol);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** Null when the decoded size is acceptable, else why not. */
export function imageSizeProblem(width: number, height: number): string | null {
  if (width < 1 || height < 1) return t('inputEmpty');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    return t('inputTooBig', String(width), String(height), String(MAX_IMAGE_SIDE));
  return null;
}

export type ElementKind = 'canvas' | 'img' | 'video' | 'other';

export function elementKind(tagName: string): ElementKind {
  const tag = tagName.toLowerCase();
  return tag === 'canvas' || tag === 'img' || tag === 'video' ? tag : 'other';
}

/** Why a matched element cannot give a picture (before drawing it), or null when it can. */
export function elementProblem(
  selector: string,
  element: { kind: ElementKind; tagName: string; ready: boolean; width: number; height: number },
): string | null {
  if (element.kind === 'other') return t('inputNotPicture', selector, element.tagName.toLowerCase());
  if (!element.ready)
    return element.kind === 'video' ? t('inputVideoNotReady', selector) : t('inputImageNotReady', selector);
  const size = imageSizeProblem(element.width, element.height);
  return size ? t('inputElementSize', selector, size) : null;
}

/** The reason for a canvas the browser will not let us read (it shows a picture from another site). */
export function taintedReason(selector: string): string {
  return t('inputTainted', selector);
}

/** Null when the selector matched exactly one element, else why the example cannot use it. */
export function matchCountProblem(selector: string, count: number): string | null {
  if (count === 1) return null;
  return count === 0 ? t('inputNoMatch', selector) : t('inputManyMatch', count, selector);
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
