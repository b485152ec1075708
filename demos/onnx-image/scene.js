// What the ONNX shapes page's "camera" shows at frame i: one filled shape orbiting over a slowly turning gradient,
// changing shape and colours every few seconds. A pure function of the frame number, so test runs repeat exactly.
import { SOLID_CLASSES } from '../shared/shapes.js';

/** Frames each shape stays on screen (about two and a half seconds at 60 fps). */
export const FRAMES_PER_SHAPE = 150;

/** Foreground, and the two ends of the background gradient, for each shape in turn. */
const COLOURS = [
  { fg: [0.98, 0.9, 0.3], bgFrom: [0.1, 0.15, 0.35], bgTo: [0.25, 0.3, 0.55] },
  { fg: [0.2, 0.2, 0.25], bgFrom: [0.95, 0.85, 0.6], bgTo: [0.85, 0.7, 0.5] },
  { fg: [0.95, 0.3, 0.45], bgFrom: [0.9, 0.95, 0.9], bgTo: [0.7, 0.8, 0.75] },
  { fg: [0.3, 0.85, 0.95], bgFrom: [0.3, 0.1, 0.25], bgTo: [0.5, 0.2, 0.35] },
  { fg: [0.1, 0.35, 0.75], bgFrom: [0.95, 0.9, 0.75], bgTo: [0.8, 0.85, 0.6] },
  { fg: [0.95, 0.55, 0.15], bgFrom: [0.15, 0.25, 0.2], bgTo: [0.25, 0.4, 0.3] },
];

/**
 * The scene at `frame` (0, 1, 2, …), in the form renderSolidScene draws.
 * @param {number} frame
 * @returns {import('../shared/shapes.js').SolidScene}
 */
export function sceneAt(frame) {
  const turn = Math.floor(frame / FRAMES_PER_SHAPE);
  const kind = SOLID_CLASSES[(turn * 5) % SOLID_CLASSES.length];
  const colours = COLOURS[turn % COLOURS.length];
  const phase = frame * 0.027;
  return {
    kind,
    size: 0.32 + 0.03 * Math.cos(frame * 0.041),
    cx: 0.5 + 0.13 * Math.cos(phase),
    cy: 0.5 + 0.13 * Math.sin(phase),
    rotation: -frame * 0.015,
    aspect: 1 + 0.08 * Math.sin(frame * 0.017),
    fg: colours.fg,
    bgFrom: colours.bgFrom,
    bgTo: colours.bgTo,
    gradientAngle: 2 + frame * 0.003,
    noise: 0.025,
    noiseSeed: 1000 + frame,
  };
}
