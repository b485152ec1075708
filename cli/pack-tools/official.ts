// The packs we ship for the official TensorFlow.js demos (issues #9 and #16): which stand-in page each explains, the URLs it
// must apply on, and how each model alias is built from the published model files — as the demo's own code builds
// it (loaded, truncated, split into encoder and decoder, or trained in the page) — so official-graphs.ts can record
// the ModelGraph the hook sees and packs.test.ts can prove every anchor and structural claim against it.
import type * as Tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelGraph } from '../../model/model-graph';
import { describeModel } from '../../model/describe/describe-model';
import { REPO_ROOT } from './gallery';

/** How a model reaches the page. */
export type ModelBuild =
  | { kind: 'graph'; folder: string; file: string; url: string }
  | { kind: 'layers'; folder: string; file: string; url: string }
  /** tf.model({inputs: loaded.inputs, outputs: loaded.getLayer(layer).output}), no URL of its own. */
  | { kind: 'truncated'; folder: string; file: string; layer: string }
  /** webcam-transfer-learning's head: flatten → dense(units, relu) → dense(4, softmax, no bias). */
  | { kind: 'dense-head'; inputShape: number[]; units: number; classes: number }
  /** translation's tf.model encoder (input 0 → LSTM layer 2's states) and decoder (LSTM layer 3 + dense). */
  | { kind: 'seq2seq-encoder' | 'seq2seq-decoder'; folder: string; file: string };

export interface OfficialPack {
  /** The pack's file name (annotations/packs/<pack>.json and .md). */
  pack: string;
  /** The stand-in page's HTML (demos/official/...), which mirrors the real page's element ids. */
  html: string;
  /** URLs the pack must apply on (the real demo's, which the browser test answers with the stand-in). */
  pages: string[];
  /** Model alias → how the page builds it. */
  models: Record<string, ModelBuild>;
  /** Other models the page holds, which no alias may bind. */
  distractors?: Record<string, ModelBuild>;
  /** Class labels the pack must carry, from the model's own files (path under the models folder), by alias. */
  labelsFile?: { alias: string; file: string };
}

const POSENET = 'posenet-mobilenet-075-quant2-stride16-graph';
const MOBILENET = 'mobilenet-v1-025-224-layers';
const TRANSLATION = 'translation-en-fr-lstm-layers';
/** @tensorflow-models/mobilenet's version 1, alpha 0.25 (fromTFHub: this URL, query included). */
const TFHUB_MOBILENET = 'mobilenet-v1-025-224-tfhub-graph';
const TFHUB_MOBILENET_URL =
  'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file';

export const OFFICIAL: readonly OfficialPack[] = [
  {
    pack: 'posenet',
    html: 'demos/official/posenet/camera.html',
    pages: [
      'https://storage.googleapis.com/tfjs-models/demos/posenet/camera.html',
      'https://storage.googleapis.com/tfjs-models/demos/posenet/coco.html',
    ],
    models: {
      pose: {
        kind: 'graph',
        folder: POSENET,
        file: 'model-stride16.json',
        url: 'https://storage.googleapis.com/tfjs-models/savedmodel/posenet/mobilenet/quant2/075/model-stride16.json',
      },
    },
  },
  {
    pack: 'webcam-transfer-learning',
    html: 'demos/official/webcam-transfer-learning/index.html',
    pages: ['https://storage.googleapis.com/tfjs-examples/webcam-transfer-learning/dist/index.html'],
    models: {
      base: { kind: 'truncated', folder: MOBILENET, file: 'model.json', layer: 'conv_pw_13_relu' },
      head: { kind: 'dense-head', inputShape: [7, 7, 256], units: 100, classes: 4 },
    },
    distractors: {
      mobilenet: {
        kind: 'layers',
        folder: MOBILENET,
        file: 'model.json',
        url: 'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json',
      },
    },
  },
  {
    pack: 'translation',
    html: 'demos/official/translation/index.html',
    pages: ['https://storage.googleapis.com/tfjs-examples/translation/dist/index.html'],
    models: {
      seq2seq: {
        kind: 'layers',
        folder: TRANSLATION,
        file: 'model.json',
        url: 'https://storage.googleapis.com/tfjs-models/tfjs/translation_en_fr_v1/model.json',
      },
      encoder: { kind: 'seq2seq-encoder', folder: TRANSLATION, file: 'model.json' },
      decoder: { kind: 'seq2seq-decoder', folder: TRANSLATION, file: 'model.json' },
    },
  },
  {
    pack: 'automl-flowers',
    html: 'demos/official/automl/index.html',
    pages: ['http://localhost:1234/index.html', 'http://localhost:1234/'],
    models: {
      flowers: {
        kind: 'graph',
        folder: 'automl-flowers-graph',
        file: 'model.json',
        url: 'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/model.json',
      },
    },
    labelsFile: { alias: 'flowers', file: 'automl-flowers-graph/dict.txt' },
  },
  {
    pack: 'mobilenet',
    html: 'demos/official/mobilenet/index.html',
    pages: ['https://storage.googleapis.com/tfjs-models/demos/mobilenet/index.html'],
    models: { net: { kind: 'graph', folder: TFHUB_MOBILENET, file: 'model.json', url: TFHUB_MOBILENET_URL } },
  },
  {
    pack: 'knn-classifier',
    html: 'demos/official/knn-classifier/index.html',
    pages: ['https://storage.googleapis.com/tfjs-models/demos/knn-classifier/index.html'],
    models: { net: { kind: 'graph', folder: TFHUB_MOBILENET, file: 'model.json', url: TFHUB_MOBILENET_URL } },
  },
];

/** The recorded ModelGraphs of one pack (cli/pack-tools/official-graphs/<pack>.json). */
export interface OfficialGraphs {
  /** Where the graphs came from (folders and files of the published models). */
  source: string;
  models: Record<string, ModelGraph>;
  distractors: Record<string, ModelGraph>;
  /** Labels read from the model's own files, by alias. */
  labels: Record<string, string[]>;
}

export const officialGraphsFile = (pack: string): string =>
  join(REPO_ROOT, 'cli/pack-tools/official-graphs', `${pack}.json`);
export const officialHtml = (entry: OfficialPack): string =>
  readFileSync(join(REPO_ROOT, entry.html), 'utf8');
export const readOfficialGraphs = (pack: string): OfficialGraphs =>
  JSON.parse(readFileSync(officialGraphsFile(pack), 'utf8')) as OfficialGraphs;

type Json = Record<string, unknown>;

function artifacts(dir: string, file: string): Tf.io.ModelArtifacts {
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json & {
    weightsManifest: { paths: string[]; weights: Tf.io.WeightsManifestEntry[] }[];
  };
  const data = Buffer.concat(
    json.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p)))),
  );
  const out: Tf.io.ModelArtifacts = {
    modelTopology: json.modelTopology as Tf.io.ModelArtifacts['modelTopology'],
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  };
  if (typeof json.format === 'string') out.format = json.format;
  if (json.signature) out.signature = json.signature as object;
  return out;
}

/** Builds a model as its page does, from the published files under `modelsDir`. */
export async function buildOfficialModel(
  tf: typeof Tf,
  build: ModelBuild,
  modelsDir: string,
): Promise<{ model: Tf.LayersModel | Tf.GraphModel; url: string | null }> {
  if (build.kind === 'dense-head') {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: build.inputShape }),
        tf.layers.dense({ units: build.units, activation: 'relu', kernelInitializer: 'varianceScaling' }),
        tf.layers.dense({
          units: build.classes,
          kernelInitializer: 'varianceScaling',
          useBias: false,
          activation: 'softmax',
        }),
      ],
    });
    return { model, url: null };
  }
  const files = artifacts(join(modelsDir, build.folder), build.file);
  if (build.kind === 'graph')
    return { model: await tf.loadGraphModel(tf.io.fromMemory(files)), url: build.url };
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(files));
  if (build.kind === 'layers') return { model: loaded, url: build.url };
  if (build.kind === 'truncated') {
    const output = loaded.getLayer(build.layer).output as Tf.SymbolicTensor;
    return { model: tf.model({ inputs: loaded.inputs, outputs: output }), url: null };
  }
  // translation/index.js: prepareEncoderModel and prepareDecoderModel.
  const inputs = loaded.inputs;
  const encoderOut = loaded.layers[2]!.output as Tf.SymbolicTensor[];
  if (build.kind === 'seq2seq-encoder')
    return { model: tf.model({ inputs: inputs[0]!, outputs: [encoderOut[1]!, encoderOut[2]!] }), url: null };
  const latent = encoderOut[1]!.shape[encoderOut[1]!.shape.length - 1] as number;
  const h = tf.input({ shape: [latent], name: 'decoder_state_input_h' });
  const c = tf.input({ shape: [latent], name: 'decoder_state_input_c' });
  const lstm = loaded.layers[3]!;
  const decoderInputs = (lstm.input as Tf.SymbolicTensor[])[0]!;
  const applied = lstm.apply(decoderInputs, { initialState: [h, c] }) as Tf.SymbolicTensor[];
  const probs = loaded.layers[4]!.apply(applied[0]!) as Tf.SymbolicTensor;
  return {
    model: tf.model({ inputs: [decoderInputs, h, c], outputs: [probs, applied[1]!, applied[2]!] }),
    url: null,
  };
}

/** The ModelGraph the hook reports for a model (deterministic: no backend or version). */
export function describeOfficial(
  model: Tf.LayersModel | Tf.GraphModel,
  url: string | null,
  id: string,
): ModelGraph {
  const graph = describeModel(model, {
    id,
    sourceUrl: url,
    origin: url ? 'http' : 'unknown',
    format: null,
    backend: null,
    tfjsVersion: null,
    tfjsVersionClass: 'unknown',
  });
  if (!graph) throw new Error(`${id}: describe gave nothing`);
  return graph;
}
