// Types for scene.js (plain JS so the page loads it without a build step).
import type { SolidScene } from '../shared/shapes.js';
export const FRAMES_PER_SHAPE: number;
export function sceneAt(frame: number): SolidScene;
