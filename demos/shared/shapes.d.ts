// Types for shapes.js (plain JS so pages can load it without a build step).
export const DRAWING_CLASSES: readonly string[];
export const SOLID_CLASSES: readonly string[];

export interface Wobble {
  amp: number;
  freq: number;
  phaseX: number;
  phaseY: number;
}

export interface DrawingParams {
  kind: string;
  size: number;
  cx: number;
  cy: number;
  rotation: number;
  aspect: number;
  stroke: number;
  rounding: number;
  armRatio: number;
  wobble?: Wobble;
}

export interface SolidScene {
  kind: string;
  size: number;
  cx: number;
  cy: number;
  rotation: number;
  aspect: number;
  fg: number[];
  bgFrom: number[];
  bgTo: number[];
  gradientAngle: number;
  noise: number;
  noiseSeed: number;
  wobble?: Wobble;
}

export function randomDrawing(rand: () => number, kind: string): DrawingParams;
export function renderDrawing(params: DrawingParams, size: number): Float32Array;
export function randomSolidScene(rand: () => number, kind: string): SolidScene;
export function renderSolidScene(scene: SolidScene, size: number): Float32Array;
