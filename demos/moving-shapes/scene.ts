// What the moving-shapes "camera" shows at frame i: one coloured shape drifting and turning over a noisy
// gradient, changing shape every few seconds. Pure function of the frame number, so test runs are repeatable.
import { SOLID_CLASSES, type SolidScene } from '../shared/shapes.js';

/** Frames each shape stays on screen (about three seconds at 60 fps). */
export const FRAMES_PER_SHAPE = 180;

const PALETTE: { fg: number[]; bgFrom: number[]; bgTo: number[] }[] = [
  { fg: [0.95, 0.85, 0.2], bgFrom: [0.12, 0.2, 0.45], bgTo: [0.2, 0.35, 0.6] },
  { fg: [0.9, 0.25, 0.3], bgFrom: [0.85, 0.9, 0.8], bgTo: [0.6, 0.75, 0.65] },
  { fg: [0.15, 0.55, 0.9], bgFrom: [0.95, 0.8, 0.55], bgTo: [0.9, 0.6, 0.45] },
  { fg: [1.0, 0.6, 0.1], bgFrom: [0.25, 0.15, 0.35], bgTo: [0.45, 0.2, 0.4] },
  { fg: [0.1, 0.45, 0.2], bgFrom: [0.75, 0.85, 0.95], bgTo: [0.55, 0.7, 0.9] },
  { fg: [0.95, 0.95, 0.95], bgFrom: [0.45, 0.25, 0.2], bgTo: [0.7, 0.35, 0.25] },
];

/** The scene at `frame` (0, 1, 2, …). */
export function sceneAt(frame: number): SolidScene {
  const kindIndex = Math.floor(frame / FRAMES_PER_SHAPE) % SOLID_CLASSES.length;
  const colours = PALETTE[kindIndex % PALETTE.length]!;
  return {
    kind: SOLID_CLASSES[kindIndex]!,
    size: 0.31 + 0.04 * Math.sin(frame * 0.05),
    cx: 0.5 + 0.14 * Math.sin(frame * 0.031),
    cy: 0.5 + 0.12 * Math.sin(frame * 0.023 + 1),
    rotation: frame * 0.02,
    aspect: 1,
    fg: colours.fg,
    bgFrom: colours.bgFrom,
    bgTo: colours.bgTo,
    gradientAngle: 0.6 + frame * 0.004,
    noise: 0.03,
    noiseSeed: frame + 1,
  };
}
