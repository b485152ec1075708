// The example images of the shipped packs, regenerated from the demos' own renderers (tools/inputs.ts):
// `npx tsx cli/pack-tools/example-images.ts` prints `<demo> <example id> <data URL>` lines to paste into
// the Markdown sources when a demo's renderer changes; the pack tests check the sources still hold these bytes.
import { fileURLToPath } from 'node:url';
import { cameraFrameImage, sketchImage } from './inputs';

/** Frames of the moving-shapes animation used as examples (demos/moving-shapes/scene.ts), by example id. */
export const CAMERA_FRAMES: Record<string, number> = {
  'example-circle': 6,
  'example-square': 298,
  'example-triangle': 366,
  'example-star': 544,
  'example-cross': 768,
  'example-ring': 900,
  'example-cross-as-star': 834,
};

/** The sketches of draw-shapes' "Show an example" button used as examples, by example id. */
export const SKETCHES: Record<string, string> = {
  'example-circle': 'circle',
  'example-square': 'square',
  'example-triangle': 'triangle',
  'example-cross': 'cross',
  'example-line': 'line',
};

/** Example id → image data URL, per demo. */
export function exampleImages(): Record<string, Record<string, string>> {
  return {
    'draw-shapes': Object.fromEntries(
      Object.entries(SKETCHES).map(([id, label]) => [id, sketchImage(label)]),
    ),
    'moving-shapes': Object.fromEntries(
      Object.entries(CAMERA_FRAMES).map(([id, frame]) => [id, cameraFrameImage(frame)]),
    ),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [demo, images] of Object.entries(exampleImages()))
    for (const [id, url] of Object.entries(images)) console.log(`${demo} ${id} ${url}`);
}
