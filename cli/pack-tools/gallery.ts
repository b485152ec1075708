// The gallery demos, their committed models and the ModelGraph the hook would report for each, computed in Node
// with tf.js 4 on the cpu backend (describe is pure: the same graph and fingerprint on every tf.js version).
import type * as Tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelGraph } from '../../model/model-graph';
import { describeModel } from '../../model/describe/describe-model';
import { directoryHandler } from '../../demos/models/model-files';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const PACKS_DIR = join(REPO_ROOT, 'annotations/packs');

export interface GalleryDemo {
  /** Folder under demos/ and the pack's file name. */
  demo: string;
  /** Folder under demos/models. */
  model: string;
  kind: 'layers' | 'graph';
}

export const GALLERY: readonly GalleryDemo[] = [
  { demo: 'draw-shapes', model: 'shapes-cnn', kind: 'layers' },
  { demo: 'moving-shapes', model: 'tiny-mobilenet-graph', kind: 'graph' },
  { demo: 'decision-regions', model: 'point-regions', kind: 'graph' },
  { demo: 'legacy-spiral', model: 'spiral-mlp', kind: 'layers' },
];

export const modelDir = (model: string): string => join(REPO_ROOT, 'demos/models', model);
export const demoHtml = (demo: string): string =>
  readFileSync(join(REPO_ROOT, 'demos', demo, 'index.html'), 'utf8');
export const modelLabels = (model: string): string[] =>
  JSON.parse(readFileSync(join(modelDir(model), 'labels.json'), 'utf8')) as string[];

export interface LoadedModel {
  model: Tf.LayersModel | Tf.GraphModel;
  graph: ModelGraph;
}

/** Loads a committed model folder and describes it as the hook does for a page that fetched it over HTTP. */
export async function loadGalleryModel(tf: typeof Tf, entry: GalleryDemo): Promise<LoadedModel> {
  const handler = directoryHandler(modelDir(entry.model));
  const model = entry.kind === 'graph' ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
  const graph = describeModel(model, {
    id: 'm1',
    sourceUrl: `http://127.0.0.1:8321/demos/models/${entry.model}/model.json`,
    origin: 'http',
    format: entry.kind === 'graph' ? 'graph-model' : 'layers-model',
    backend: tf.getBackend(),
    tfjsVersion: tf.version.tfjs,
    tfjsVersionClass: '3.x+',
  });
  if (!graph) throw new Error(`${entry.model}: describe gave nothing`);
  return { model, graph };
}
