// Loads tf.js models in Node (cpu backend) from a model.json path, a folder or an http(s) URL, describes them with
// the hook's own describe code (so fingerprints equal the browser's), and runs them for the engine (ModelRunner).
import { readFile } from 'node:fs/promises';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TfNamespace from '@tensorflow/tfjs';
import type { ModelGraph, Shape } from '../../model/model-graph';
import { describeModel } from '../../model/describe/describe-model';
import { imageInputSpec, imageToValues } from '../../model/image-input';
import type { ModelInput, ModelRunner, NodeValues } from '../../annotations/checks/types';
import { concatBytes, readCapped } from '../../base/bytes';

export type Tf = typeof TfNamespace;
type AnyModel = TfNamespace.LayersModel | TfNamespace.GraphModel;

/** Largest model.json and weights we read. */
export const MAX_MODEL_JSON_BYTES = 64 * 1024 * 1024;
export const MAX_WEIGHT_BYTES = 1024 * 1024 * 1024;
/** Longest wait for one model file over HTTP. */
export const FETCH_TIMEOUT_MS = 120_000;

export interface LoadedModel {
  model: AnyModel;
  kind: 'layers' | 'graph';
  graph: ModelGraph;
  runner: ModelRunner;
  /** What was loaded, for messages. */
  source: string;
}

let tfPromise: Promise<Tf> | undefined;

/** The published CLI has tf.js as an optional peer: say how to install it rather than print a resolver error. */
export const TF_INSTALL_HINT =
  'this command runs the model with TensorFlow.js, an optional peer of the literate CLI that is not installed.\n' +
  'Install it next to the CLI:\n' +
  '  npm install @tensorflow/tfjs@^4.22.0          (in the project where you installed the CLI)\n' +
  '  npm install --global @tensorflow/tfjs@^4.22.0 (if you installed the CLI with --global)';

function missingTf(error: unknown): Error {
  const code = (error as { code?: string }).code;
  const message = String((error as Error)?.message ?? error);
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /Cannot find (module|package)/.test(message);
  return notFound ? new Error(TF_INSTALL_HINT) : (error as Error);
}

/** tf.js on the cpu backend, imported on first use (so other commands do not pay for it). */
export function loadTf(): Promise<Tf> {
  tfPromise ??= (async () => {
    let tf: Tf;
    try {
      tf = (await import('@tensorflow/tfjs')) as Tf;
    } catch (error) {
      tfPromise = undefined;
      throw missingTf(error);
    }
    tf.enableProdMode(); // no console notes from tf.js (they would mix with the report on stdout/stderr)
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return tfPromise;
}

interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: TfNamespace.io.ModelArtifacts['modelTopology'];
  weightsManifest: { paths: string[]; weights: TfNamespace.io.WeightsManifestEntry[] }[];
  signature?: object;
  userDefinedMetadata?: Record<string, object>;
  modelInitializer?: object;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

async function readBytes(location: string, limit: number): Promise<Uint8Array> {
  if (isUrl(location)) {
    const response = await fetch(location, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`${location}: HTTP ${response.status}`);
    const bytes = response.body
      ? await readCapped(response.body, limit)
      : new Uint8Array(await response.arrayBuffer());
    if (!bytes || bytes.length > limit) throw new Error(`${location}: larger than ${limit} bytes`);
    return bytes;
  }
  const bytes = await readFile(location);
  if (bytes.length > limit) throw new Error(`${location}: larger than ${limit} bytes`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The model.json location for a path (a folder means folder/model.json) or URL. */
async function modelJsonLocation(source: string): Promise<string> {
  if (isUrl(source)) return source;
  const info = await stat(source).catch(() => {
    throw new Error(`${source}: no such file or folder`);
  });
  if (!info.isDirectory()) return source;
  const names = await readdir(source);
  if (names.includes('model.json')) return join(source, 'model.json');
  // Published models are not always called model.json (PoseNet: model-stride16.json): take the one that is a model.
  const models: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const text = await readFile(join(source, name), 'utf8').catch(() => '');
    if (text.includes('"modelTopology"') && text.includes('"weightsManifest"')) models.push(name);
  }
  if (models.length === 1) return join(source, models[0]!);
  throw new Error(
    models.length === 0
      ? `${source}: no model.json in this folder`
      : `${source}: several models here (${models.join(', ')}); name the file`,
  );
}

const sibling = (location: string, path: string): string =>
  isUrl(location) ? new URL(path, location).href : join(dirname(location), path);

/** Reads model.json and its weight shards into tf.js artifacts. */
export async function readArtifacts(
  source: string,
): Promise<{ artifacts: TfNamespace.io.ModelArtifacts; json: ModelJson; url: string }> {
  const location = await modelJsonLocation(source);
  const text = new TextDecoder().decode(await readBytes(location, MAX_MODEL_JSON_BYTES));
  let json: ModelJson;
  try {
    json = JSON.parse(text) as ModelJson;
  } catch (error) {
    throw new Error(`${location}: not JSON (${(error as Error).message})`);
  }
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest))
    throw new Error(`${location}: not a tf.js model.json (no modelTopology / weightsManifest)`);
  const shards: Uint8Array[] = [];
  let total = 0;
  for (const group of json.weightsManifest)
    for (const path of group.paths) {
      const bytes = await readBytes(sibling(location, path), MAX_WEIGHT_BYTES - total);
      total += bytes.length;
      shards.push(bytes);
    }
  const weightData = concatBytes(shards);
  const artifacts: TfNamespace.io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: weightData.buffer,
  };
  if (json.format !== undefined) artifacts.format = json.format;
  if (json.generatedBy !== undefined) artifacts.generatedBy = json.generatedBy;
  if (json.convertedBy != null) artifacts.convertedBy = json.convertedBy;
  if (json.signature !== undefined) artifacts.signature = json.signature;
  if (json.userDefinedMetadata !== undefined) artifacts.userDefinedMetadata = json.userDefinedMetadata;
  if (json.modelInitializer !== undefined) artifacts.modelInitializer = json.modelInitializer;
  const url = isUrl(location) ? location : pathToFileURL(resolve(location)).href;
  return { artifacts, json, url };
}

const CONTROL_FLOW = /^(Enter|Exit|Merge|Switch|NextIteration|LoopCond|If|StatelessIf|While|StatelessWhile)$/;

/** Loads, describes and wraps one model. `id` is the page-local id the description carries ('m1', …). */
export async function loadModel(tf: Tf, source: string, id: string): Promise<LoadedModel> {
  const { artifacts, json, url } = await readArtifacts(source);
  const isGraph =
    json.format === 'graph-model' || Array.isArray((json.modelTopology as { node?: unknown })?.node);
  const handler = tf.io.fromMemory(artifacts);
  const model: AnyModel = isGraph ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
  const kind = isGraph ? 'graph' : 'layers';
  const ctx = {
    id,
    sourceUrl: url,
    origin: (isUrl(url) ? 'http' : 'files') as ModelGraph['origin'],
    format: json.format ?? null,
    backend: tf.getBackend(),
    tfjsVersion: tf.version.tfjs,
    tfjsVersionClass: '3.x+' as const,
  };
  let graph = describeModel(model, ctx);
  if (!graph) throw new Error(`${source}: the model could not be described`);
  if (kind === 'graph') {
    // The browser learns graph op shapes from the page's first call; learn them the same way from one zero input.
    const liveShapes = learnGraphShapes(tf, model as TfNamespace.GraphModel, graph);
    if (liveShapes) graph = describeModel(model, { ...ctx, liveShapes }) ?? graph;
  }
  return { model, kind, graph, runner: tfRunner(tf, model, kind), source };
}

function learnGraphShapes(
  tf: Tf,
  model: TfNamespace.GraphModel,
  graph: ModelGraph,
): Record<string, Shape> | undefined {
  if (graph.nodes.some((n) => CONTROL_FLOW.test(n.op)) || graph.inputs.length !== 1) return undefined;
  const names = graph.nodes
    .filter((n) => n.category === 'op' && n.shapeSource === 'unknown')
    .map((n) => n.id);
  if (names.length === 0) return undefined;
  const input = graph.inputs[0]!;
  const shape = (input.shape ?? []).map((d) => (d === null || d < 1 ? 1 : d));
  const made: TfNamespace.Tensor[] = [];
  try {
    const x = tf.zeros(shape, input.dtype === 'int32' ? 'int32' : 'float32');
    made.push(x);
    const out = model.execute(x, names);
    const list = Array.isArray(out) ? out : [out];
    made.push(...list);
    const shapes: Record<string, Shape> = {};
    names.forEach((name, i) => {
      const t = list[i];
      if (t) shapes[name] = t.shape.slice();
    });
    return shapes;
  } catch {
    return undefined;
  } finally {
    for (const t of made) t.dispose();
  }
}

function inputTensor(tf: Tf, model: AnyModel, input: ModelInput): TfNamespace.Tensor {
  const inputs = model.inputs;
  if (inputs.length !== 1) throw new Error('running needs a model with exactly one input');
  const first = inputs[0]!;
  const dtype = first.dtype === 'int32' ? 'int32' : 'float32';
  if (input.type === 'last-input') throw new Error("the page's last input needs the page");
  if (input.type === 'tensor') return tf.tensor(Array.from(input.values), input.shape, dtype);
  const shape = (first.shape as (number | null)[] | undefined) ?? null;
  const spec = imageInputSpec(shape, dtype, input);
  if (!spec) throw new Error(`the model's input ${JSON.stringify(shape)} does not take pictures`);
  const values = imageToValues(input.rgba, input.width, input.height, spec, input.normalize);
  return tf.tensor(Array.from(values), [1, spec.height, spec.width, spec.channels], dtype);
}

/** A ModelRunner over a loaded tf.js model: model outputs, or any layer / graph node by id. */
export function tfRunner(tf: Tf, model: AnyModel, kind: 'layers' | 'graph'): ModelRunner {
  const submodels = new Map<string, TfNamespace.LayersModel>();
  return {
    async run(input, nodeIds, signal) {
      if (signal.aborted) throw new Error('cancelled');
      const made: TfNamespace.Tensor[] = [];
      try {
        const x = inputTensor(tf, model, input);
        made.push(x);
        let outputs: TfNamespace.Tensor[];
        if (kind === 'graph') {
          const graphModel = model as TfNamespace.GraphModel;
          const names = nodeIds.length > 0 ? nodeIds : undefined;
          let out: TfNamespace.Tensor | TfNamespace.Tensor[];
          try {
            out = graphModel.execute(x, names);
          } catch {
            out = await graphModel.executeAsync(x, names); // control flow or dynamic shapes
          }
          outputs = Array.isArray(out) ? out : [out];
        } else {
          const layers = model as TfNamespace.LayersModel;
          let runnable = layers;
          if (nodeIds.length > 0) {
            const key = nodeIds.join('\u0000');
            let sub = submodels.get(key);
            if (!sub) {
              const layerOutputs = nodeIds.map((id) => {
                const layer = layers.layers.find((l) => l.name === id);
                if (!layer) throw new Error(`no layer ${id} at the top level of the model`);
                const output = layer.output;
                return Array.isArray(output) ? output[0]! : output;
              });
              sub = tf.model({ inputs: layers.inputs, outputs: layerOutputs });
              submodels.set(key, sub);
            }
            runnable = sub;
          }
          const out = runnable.predict(x);
          outputs = Array.isArray(out) ? out : [out];
        }
        made.push(...outputs);
        const values: NodeValues[] = [];
        for (let i = 0; i < outputs.length; i++) {
          const t = outputs[i]!;
          const data = await t.data();
          values.push({
            nodeId: nodeIds[i] ?? '',
            shape: t.shape.slice(),
            values: data instanceof Int32Array ? data : Float32Array.from(data as ArrayLike<number>),
          });
        }
        if (signal.aborted) throw new Error('cancelled');
        return values;
      } finally {
        for (const t of made) t.dispose();
      }
    },
  };
}
