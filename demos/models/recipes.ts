// The recipe of every demo model — data, architecture, training settings and where its files go — in one
// table, so make-all can run them in parallel lanes and a reader sees all the knobs at a glance.
import type * as tf from '@tensorflow/tfjs';
import { type Dataset, drawingDataset, solidDataset, spiralDataset, regionsDataset } from './datasets.js';
import { buildShapesCnn, buildTinyMobilenet, buildSpiralMlp, buildPointRegions } from './architectures.js';
import type { TrainSettings } from './train.js';
import type { GraphExportOptions } from './graph-export.js';

export interface Recipe {
  name: string;
  train: () => Dataset;
  test: () => Dataset;
  build: (classes: number) => tf.LayersModel;
  settings: Omit<TrainSettings, 'onEpoch'>;
  /** Folder (under demos/models) for the LayersModel, if it is shipped as one. */
  layersDir?: string;
  /** Folder for the GraphModel export, if it is shipped as one, and how to export it. */
  graph?: { dir: string; options: GraphExportOptions };
}

const mobilenetScope = (layerName: string) =>
  layerName.replace(/_(bn|relu)$/, '').replace(/^(block\d+)_/, '$1/');

export const RECIPES: Recipe[] = [
  {
    name: 'shapes-cnn',
    train: () => drawingDataset(4000, 101),
    test: () => drawingDataset(1000, 102),
    build: (classes) => buildShapesCnn(classes, 1001),
    settings: { epochs: 4, batchSize: 32, learningRate: 0.003 },
    layersDir: 'shapes-cnn',
  },
  {
    name: 'tiny-mobilenet',
    train: () => solidDataset(3000, 201),
    test: () => solidDataset(600, 202),
    build: (classes) => buildTinyMobilenet(classes, 2001),
    settings: { epochs: 7, batchSize: 16, learningRate: 0.005 },
    layersDir: 'tiny-mobilenet',
    graph: {
      dir: 'tiny-mobilenet-graph',
      options: {
        scope: 'tiny_mobilenet',
        layerScope: mobilenetScope,
        inputName: 'image',
        outputName: 'probs',
      },
    },
  },
  {
    name: 'spiral-mlp',
    train: () => spiralDataset(1500, 301),
    test: () => spiralDataset(600, 302),
    build: (classes) => buildSpiralMlp(classes, 3001),
    settings: { epochs: 80, batchSize: 50, learningRate: 0.01 },
    layersDir: 'spiral-mlp',
  },
  {
    name: 'point-regions',
    train: () => regionsDataset(3000, 401),
    test: () => regionsDataset(1000, 402),
    build: (classes) => buildPointRegions(classes, 4001),
    settings: { epochs: 30, batchSize: 50, learningRate: 0.01 },
    layersDir: 'point-regions-layers',
    graph: {
      dir: 'point-regions',
      options: { scope: 'point_regions', inputName: 'points', outputName: 'probs' },
    },
  },
];

/** Two lanes of roughly equal training time, one per core. */
export const LANES: string[][] = [['tiny-mobilenet'], ['shapes-cnn', 'spiral-mlp', 'point-regions']];
