// Types for test-mode.js (plain JS so pages can load it without a build step).
export function readDemoOptions(search: string): { frames: number | null; backend: 'cpu' | 'webgl' | null };
export function fnv1a(bytes: Uint8Array, hash?: number): number;
export class OutputDigest {
  hash: number;
  count: number;
  add(values: ArrayLike<number>): void;
  hex(): string;
}
export function publishTestResult(
  result: { digest: string; numTensors: number; frames: number },
  root?: HTMLElement,
): void;
export function publishTestError(error: unknown, root?: HTMLElement): void;
export function chooseBackend(
  tf: { setBackend(name: string): Promise<boolean> | boolean; ready(): Promise<void> },
  backend: string | null,
): Promise<void>;
