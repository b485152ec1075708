// Loads an ONNX model in Node for `literate pack check` and the pack tests: described with the content script's own
// ONNX describer (so fingerprints equal the browser's) and run by ONNX Runtime Web on wasm through the very probe the
// page world uses (so examples and checks mean the same in both). onnxruntime-web is an optional peer, imported on use.
import { readFile } from 'node:fs/promises';
import type { ModelGraph } from '../../model/model-graph';
import { describeOnnxBytes } from '../../model/onnx/describe-onnx';
import { runOnnxProbe } from '../../content-scripts/hook/probe/onnx-probe';
import type { ModelInput, ModelRunner, NodeValues } from '../../annotations/checks/types';

type Ort = typeof import('onnxruntime-web');

export const ORT_INSTALL_HINT =
  'this command runs ONNX models with ONNX Runtime Web, an optional peer of the literate CLI that is not installed.\n' +
  'Install it next to the CLI:  npm install onnxruntime-web';

let ortPromise: Promise<Ort> | undefined;

/** ONNX Runtime Web (wasm, one thread), imported on first use. */
export function loadOrt(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-web').then(
    (ort) => {
      ort.env.wasm.numThreads = 1;
      return ort;
    },
    (error: unknown) => {
      ortPromise = undefined;
      const message = String((error as Error)?.message ?? error);
      throw /Cannot find (module|package)|ERR_MODULE_NOT_FOUND/.test(message)
        ? new Error(ORT_INSTALL_HINT)
        : error;
    },
  );
  return ortPromise;
}

export interface LoadedOnnxModel {
  graph: ModelGraph;
  runner: ModelRunner;
  source: string;
  /** The model file's bytes (for its weights digest). */
  bytes: Uint8Array;
  release(): Promise<void>;
}

/** True when a --model argument names an ONNX file. */
export function isOnnxSource(source: string): boolean {
  return /\.onnx(\?.*)?$/i.test(source);
}

/** Largest ONNX file we read (external-data files are not read). */
export const MAX_ONNX_BYTES = 2 * 1024 * 1024 * 1024;

async function fetchModel(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_ONNX_BYTES) throw new Error(`${url} is larger than ${MAX_ONNX_BYTES} bytes`);
  return bytes;
}

/** Loads `path` (an .onnx file or http(s) URL), describes it as the extension would for a session created from `sourceUrl`. */
export async function loadOnnxModel(
  path: string,
  id = 'o1',
  sourceUrl: string | null = null,
): Promise<LoadedOnnxModel> {
  const ort = await loadOrt();
  const remote = /^https?:\/\//i.test(path);
  const bytes = remote ? await fetchModel(path) : new Uint8Array(await readFile(path));
  if (remote) sourceUrl ??= path;
  const graph = describeOnnxBytes(bytes, {
    id,
    sourceUrl,
    origin: sourceUrl ? 'http' : 'files',
    executionProvider: 'wasm',
    runtimeVersion: ort.env.versions?.web ?? null,
  });
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const handler = (session as unknown as { handler: object }).handler;
  const runner: ModelRunner = {
    async run(input: ModelInput, nodeIds: string[]): Promise<NodeValues[]> {
      if (input.type !== 'tensor')
        throw new Error('ONNX models run tensor examples only (give the example as a tensor)');
      const values = await runOnnxProbe(
        handler,
        { type: 'tensor', shape: input.shape, values: Array.from(input.values) },
        nodeIds,
      );
      return values.map((v) => ({ nodeId: v.nodeId, shape: v.shape, values: new Float32Array(v.buffer) }));
    },
  };
  return { graph, runner, source: path, bytes, release: () => session.release() };
}
