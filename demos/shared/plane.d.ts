// Types for plane.js (plain JS so pages can load it without a build step).
export function gridPoints(n: number): Float32Array;
export function hexToRgb(hex: string): [number, number, number];
export function paintRegions(
  context: CanvasRenderingContext2D,
  probs: ArrayLike<number>,
  n: number,
  colours: readonly string[],
  strength?: number,
): void;
export function planePointOf(
  canvas: HTMLCanvasElement,
  event: { clientX: number; clientY: number },
): { x: number; y: number };
export function drawPoint(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  colour: string,
  style?: { radius?: number; ring?: boolean },
): void;
export function showLegend(legend: HTMLElement, labels: readonly string[], colours: readonly string[]): void;
export function listenForPoints(
  canvas: HTMLCanvasElement,
  form: HTMLFormElement,
  onPoint: (x: number, y: number) => void,
): void;
