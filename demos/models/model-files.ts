// Reads and writes tf.js model folders (model.json + one weight shard) on disk, because tfjs-node and its
// file:// handler are not available: the model scripts save through this, and tests load through it.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type GraphModelExport, graphModelJson, GRAPH_SHARD_NAME } from './graph-export.js';

/** The shard file name of layers models we save. */
export const LAYERS_SHARD_NAME = 'group1-shard1of1.bin';

function joinWeightData(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return new tf.io.CompositeArrayBuffer(data).slice();
}

function toBuffer(data: ArrayBuffer): Buffer {
  return Buffer.from(new Uint8Array(data));
}

/** Writes JSON with a trailing newline; `pretty` for files people read (labels), compact for model.json. */
export function writeJsonFile(path: string, value: unknown, pretty = false): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

/** Saves a LayersModel as `dir/model.json` + `dir/group1-shard1of1.bin`. Returns the byte sizes written. */
export async function saveLayersModel(
  model: tf.LayersModel,
  dir: string,
): Promise<{ json: number; weights: number }> {
  let sizes = { json: 0, weights: 0 };
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = joinWeightData(artifacts.weightData);
      const modelJson = {
        format: 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [LAYERS_SHARD_NAME], weights: artifacts.weightSpecs ?? [] }],
      };
      writeJsonFile(join(dir, 'model.json'), modelJson);
      writeFileSync(join(dir, LAYERS_SHARD_NAME), toBuffer(weights));
      sizes = { json: readFileSync(join(dir, 'model.json')).length, weights: weights.byteLength };
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  return sizes;
}

/** Saves an exported graph model as `dir/model.json` + `dir/group1-shard1of1.bin`. */
export function saveGraphModel(exported: GraphModelExport, dir: string): { json: number; weights: number } {
  writeJsonFile(join(dir, 'model.json'), graphModelJson(exported));
  writeFileSync(join(dir, GRAPH_SHARD_NAME), toBuffer(exported.weightData));
  return { json: readFileSync(join(dir, 'model.json')).length, weights: exported.weightData.byteLength };
}

interface ModelJsonOnDisk {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** An IOHandler that loads a model folder from disk (layers or graph), like tf.io.http does from a server. */
export function directoryHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJsonOnDisk;
      const shards = json.weightsManifest.flatMap((group) =>
        group.paths.map((p) => readFileSync(join(dir, p))),
      );
      const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData,
      };
    },
  };
}
