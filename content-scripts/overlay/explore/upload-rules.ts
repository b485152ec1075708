// What a reader's file may be before it is read (pure): a picture for image models, numbers for vector and sequence
// models, at most 20 MB; every refusal names the file and the reason, in words a person can act on.

import { imageSizeProblem } from '../run/input-rules';

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
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Null when the file may be read as a picture, else why not. */
export function pictureFileProblem(file: FileFacts): string | null {
  if (file.size > MAX_UPLOAD_BYTES)
    return `${file.name} is ${megabytes(file.size)}; at most 20 MB is read. Choose a smaller picture.`;
  if (file.size === 0) return `${file.name} is empty (0 bytes).`;
  if (!PICTURE_TYPES.includes(file.type.toLowerCase()))
    return `${file.name} is not a picture (${file.type || 'unknown type'}): choose a PNG, JPEG, GIF, WebP or BMP file.`;
  return null;
}

/** Null when a decoded picture's size is acceptable, else why not (naming the file). */
export function decodedPictureProblem(name: string, width: number, height: number): string | null {
  const size = imageSizeProblem(width, height);
  return size ? `${name}: ${size}.` : null;
}

/** The message for a file the browser could not decode. */
export function undecodableMessage(name: string): string {
  return `${name} could not be decoded as a picture (damaged, or not really a PNG, JPEG, GIF, WebP or BMP).`;
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
  if (file.size > MAX_UPLOAD_BYTES) return `${file.name} is ${megabytes(file.size)}; at most 20 MB is read.`;
  let numbers: number[];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return `${file.name} starts like a JSON array but is not valid JSON.`;
    }
    const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
    const all = flat(parsed);
    if (!all.every((v) => typeof v === 'number' && Number.isFinite(v)))
      return `${file.name} holds something other than numbers.`;
    numbers = all as number[];
  } else {
    const tokens = trimmed.split(/[\s,;]+/).filter(Boolean);
    numbers = tokens.map(Number);
    const bad = tokens.findIndex((t, i) => !Number.isFinite(numbers[i]!));
    if (bad >= 0) return `${file.name}: "${tokens[bad]!.slice(0, 20)}" is not a number.`;
  }
  if (numbers.length !== expected)
    return (
      `${file.name} has ${numbers.length} ${numbers.length === 1 ? 'number' : 'numbers'}; this model takes ` +
      `${expected} (input shape [${shape.map((d) => d ?? '?').join(', ')}]).`
    );
  return numbers;
}
