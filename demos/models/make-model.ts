// Trains one demo model from its recipe and writes its files; make-all runs this in a child process per lane.
// Usage: npx tsx demos/models/make-model.ts <name>   (prints a JSON summary as its last line)
import * as tf from '@tensorflow/tfjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECIPES } from './recipes.js';
import { accuracy, examplesTensor, trainClassifier } from './train.js';
import { installFastCpuKernels } from './fast-cpu-kernels.js';
import { exportGraphModel, graphModelHandler } from './graph-export.js';
import { saveGraphModel, saveLayersModel, writeJsonFile } from './model-files.js';

const MODELS_DIR = dirname(fileURLToPath(import.meta.url));

/** What one model run produced, for make-all's report. */
export interface ModelSummary {
  name: string;
  trainSeconds: number;
  trainAccuracy: number;
  testAccuracy: number;
  params: number;
  files: Record<string, number>;
  graphMaxAbsDiff?: number;
}

async function graphMatchesLayers(
  model: tf.LayersModel,
  graph: tf.GraphModel,
  xs: tf.Tensor,
): Promise<number> {
  return tf.tidy(() => {
    const expected = model.predict(xs) as tf.Tensor;
    const actual = graph.execute(xs) as tf.Tensor;
    return tf.max(tf.abs(tf.sub(expected, actual))).dataSync()[0]!;
  });
}

export async function makeModel(name: string, log: (line: string) => void): Promise<ModelSummary> {
  const recipe = RECIPES.find((r) => r.name === name);
  if (!recipe) throw new Error(`unknown model ${name}; known: ${RECIPES.map((r) => r.name).join(', ')}`);
  await tf.setBackend('cpu');
  installFastCpuKernels();
  const train = recipe.train();
  const test = recipe.test();
  const model = recipe.build(train.classes.length);
  const started = performance.now();
  await trainClassifier(model, train, {
    ...recipe.settings,
    onEpoch: (epoch, loss, acc) => {
      const shown = epoch === 0 || epoch + 1 === recipe.settings.epochs || (epoch + 1) % 10 === 0;
      if (shown) log(`${name} epoch ${epoch + 1}: loss ${loss.toFixed(4)} accuracy ${acc.toFixed(4)}`);
    },
  });
  const summary: ModelSummary = {
    name,
    trainSeconds: Math.round((performance.now() - started) / 100) / 10,
    trainAccuracy: accuracy(model, train),
    testAccuracy: accuracy(model, test),
    params: model.countParams(),
    files: {},
  };
  const labels = [...train.classes];
  if (recipe.layersDir) {
    const dir = join(MODELS_DIR, recipe.layersDir);
    const sizes = await saveLayersModel(model, dir);
    writeJsonFile(join(dir, 'labels.json'), labels, true);
    summary.files[recipe.layersDir] = sizes.json + sizes.weights;
  }
  if (recipe.graph) {
    const exported = exportGraphModel(model, recipe.graph.options);
    const graph = await tf.loadGraphModel(graphModelHandler(exported));
    const xs = examplesTensor(test);
    summary.graphMaxAbsDiff = await graphMatchesLayers(model, graph, xs);
    xs.dispose();
    const dir = join(MODELS_DIR, recipe.graph.dir);
    const sizes = saveGraphModel(exported, dir);
    writeJsonFile(join(dir, 'labels.json'), labels, true);
    summary.files[recipe.graph.dir] = sizes.json + sizes.weights;
  }
  return summary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const name = process.argv[2] ?? '';
  makeModel(name, (line) => console.error(line)).then(
    (summary) => console.log(JSON.stringify(summary)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
