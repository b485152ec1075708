// AutoML Edge image classification stand-in, bundled like the demo's parcel build: @tensorflow/tfjs-automl's
// loadImageClassification on the demo's model URL, one classify of the page's daisy photo, the predictions logged to
// the console — and nothing kept: the model is a local of run(), so once it returns the page holds no reference and
// the browser may collect it (what the real page does, and what Literate has to survive). Our own code.
import '@tensorflow/tfjs-backend-webgl';
import * as automl from '@tensorflow/tfjs-automl';
import { chooseBackend, element, imageLoaded, publish, publishError } from '../shared';

const MODEL_URL = 'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/model.json';

async function run(): Promise<void> {
  await chooseBackend();
  const model = await automl.loadImageClassification(MODEL_URL);
  const image = element<HTMLImageElement>('daisy');
  await imageLoaded(image);
  const predictions = await model.classify(image);
  console.log(predictions);
  const top = predictions.reduce((a, b) => (b.prob > a.prob ? b : a));
  publish({ top: top.label, probs: predictions.map((p) => p.prob.toFixed(6)).join(' '), ready: '1' });
}

run().catch(publishError);
