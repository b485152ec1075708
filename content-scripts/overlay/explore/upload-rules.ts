// What a reader's file may be before it is read (pure): a picture for image models, numbers for vector and sequence
// models, at most 20 MB; every refusal names the file and the reason, in words a person can act on.

import { imageSizeProblem } from '../run/input-rules';
import { formatNumber, t } from '../../../extension/ui/i18n';

/** Largest file read. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

export interface FileFacts {
  name: string;
  size: number;
  /** The browser's MIME type ('' when it does not know). */
  type: string;
}

function megabytes(bytes: number): string {
  return t(
    'upMegabytes',
    formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
}

/** Null when the file may be read as a picture, else why not. */
export function pictureFileProblem(file: FileFacts): string | null {
  if (file.size > MAX_UPLOAD_BYTES) return t('upTooBigPicture', file.name, megabytes(file.size));
  if (file.size === 0) return t('upEmpty', file.name);
  if (!PICTURE_TYPES.includes(file.type.toLowerCase()))
    return t('upNotPicture', file.name, file.type || t('upUnknownType'));
  return null;
}

/** Null when a decoded picture's size is acceptable, else why not (naming the file). */
export function decodedPictureProblem(name: string, width: number, height: number): string | null {
  const size = imageSizeProblem(width, height);
  return size ? t('upFileProblem', name, size) : null;
}

/** The message for a file the browser could not decode. */
export function undecodableMessage(name: string): string {
  return t('upUndecodable', name);
}

/**
 * Numbers from a text file for a [1, …] input of `expected` values (CSV, whitespace or a JSON array, nested arrays
 * flattened); a reason naming the file when they are not numbers or not as many as the input takes.
 */
export function parseNumbersFile(
  file: FileFacts,
  text: string,
  expected: number,
  shape: readonly (number | null)[],
): number[] | string {
  if (file.size > MAX_UPLOAD_BYTES) return t('upTooBig', file.name, megabytes(file.size));
  let numbers: number[];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return t('upBadJson', file.name);
    }
    const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
    const all = flat(parsed);
    if (!all.every((v) => typeof v === 'number' && Number.isFinite(v))) return t('upNotNumbers', file.name);
    numbers = all as number[];
  } else {
    const tokens = trimmed.split(/[\s,;]+/).filter(Boolean);
    numbers = tokens.map(Number);
    const bad = tokens.findIndex((_token, i) => !Number.isFinite(numbers[i]!));
    if (bad >= 0) return t('upNotANumber', file.name, tokens[bad]!.slice(0, 20));
  }
  if (numbers.length !== expected)
    return t(
      numbers.length === 1 ? 'upWrongCountOne' : 'upWrongCount',
      file.name,
      String(numbers.length),
      String(expected),
      shape.map((d) => d ?? '?').join(', '),
    );
  return numbers;
}
