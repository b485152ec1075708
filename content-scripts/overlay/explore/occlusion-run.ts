// Runs an occlusion sensitivity map through the probe: the unoccluded picture once, then one run per placement of the
// grey patch, one at a time (each waits for a gap between the page's frames), reporting progress and stopping as
// soon as the reader cancels. What it cost (runs, milliseconds) is measured, not estimated.

import { t } from '../../../extension/ui/i18n';
import type { RgbaImage } from '../../../annotations/checks/types';
import type { Normalize } from '../../../model/image-input';
import type { ExploreSession } from './explore-session';
import { occluded, type OcclusionGrid } from './occlusion';
import { colorOf, scaleFor } from '../views/colormap';
import type { SensitivityMap } from './occlusion';

export interface OcclusionProgress {
  done: number;
  total: number;
  base: number;
  scores: (number | undefined)[];
  ms: number;
}

/** The score of class `index` in the first row of the first output. */
function scoreOf(values: Float32Array | Int32Array, index: number): number {
  const v = values[index];
  if (v === undefined) throw new Error(`the output has no class ${index}`);
  return v;
}

export async function runOcclusion(
  session: ExploreSession,
  image: RgbaImage,
  normalize: Normalize,
  classIndex: number,
  grid: OcclusionGrid,
  onProgress: (p: OcclusionProgress) => void,
  signal: AbortSignal,
): Promise<OcclusionProgress> {
  const outputId = session.graph.outputs[0]?.nodeId;
  if (!outputId) throw new Error(t('liveNoOutput'));
  const t0 = performance.now();
  const run = async (picture: RgbaImage): Promise<number> => {
    const values = await session.probe({ kind: 'image', image: picture, normalize }, [outputId], signal);
    return scoreOf(values.get(outputId)!.values, classIndex);
  };
  const base = await run(image);
  const scores: (number | undefined)[] = new Array(grid.positions.length).fill(undefined);
  const progress = (done: number): OcclusionProgress => ({
    done,
    total: grid.positions.length,
    base,
    scores,
    ms: performance.now() - t0,
  });
  onProgress(progress(0));
  for (let i = 0; i < grid.positions.length; i++) {
    if (signal.aborted) throw new Error('Cancelled.');
    scores[i] = await run(occluded(image, grid, i));
    onProgress(progress(i + 1));
  }
  return progress(grid.positions.length);
}

/** The map as translucent RGBA over the picture: red where covering lowered the score, blue where it raised it. */
export function mapPixels(map: SensitivityMap, alpha = 170): Uint8ClampedArray {
  const out = new Uint8ClampedArray(map.width * map.height * 4);
  const extent = map.extent > 0 ? map.extent : 1;
  const scale = scaleFor(-extent, extent);
  for (let i = 0; i < map.drop.length; i++) {
    const d = map.drop[i]!;
    if (Number.isNaN(d)) continue;
    const [r, g, b] = colorOf(d, scale);
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = alpha;
  }
  return out;
}
