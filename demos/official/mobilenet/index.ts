// tfjs-models MobileNet demo stand-in, bundled like the demo's parcel build: @tensorflow-models/mobilenet loads the
// model, classifies the page's photo, then reads the logits and the embedding with infer(), logging all three to the
// console (the page itself only says "See results in console") — and keeps nothing: the model is a local of run().
// The real demo loads version 2, alpha 0.5; this one loads version 1, alpha 0.25 (the TF-Hub graph model whose real
// files ../shared/models holds) through the same package and loader. Our own code, not the demo's.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import * as mobilenet from '@tensorflow-models/mobilenet';
import { chooseBackend, element, imageLoaded, publish, publishError } from '../shared';

async function run(): Promise<void> {
  await chooseBackend();
  const model = await mobilenet.load({ version: 1, alpha: 0.25 });
  const img = element<HTMLImageElement>('img');
  await imageLoaded(img);
  const predictions = await model.classify(img);
  console.log('Predictions');
  console.log(predictions);
  const logits = model.infer(img);
  console.log('Logits', logits.shape);
  const embedding = model.infer(img, true);
  console.log('Embedding', embedding.shape);
  logits.dispose();
  embedding.dispose();
  publish({
    ready: '1',
    top: predictions.map((p) => `${p.className}: ${p.probability.toFixed(6)}`).join(' | '),
  });
}

run().catch(publishError);
