// tfjs-models knn-classifier camera demo stand-in, bundled like the demo's parcel build: MobileNet
// (@tensorflow-models/mobilenet) turns each camera frame into an embedding, @tensorflow-models/knn-classifier stores
// the embeddings of frames taken while a "Train i" button is pressed and, once it holds any, predicts every frame's
// class by the vote of its k = 3 nearest stored examples (cosine similarity), writing "N examples - C%" beside each
// button and bolding the winner. The loop never stops. A still photo (chosen in a list) drawn into the page's
// canvas replaces the webcam. The real demo loads MobileNet's default (version 1, alpha 1.0); this one loads
// version 1, alpha 0.25 (the TF-Hub graph model whose real files ../shared/models holds). Our own code.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import * as mobilenetModule from '@tensorflow-models/mobilenet';
import * as knnClassifier from '@tensorflow-models/knn-classifier';
import { chooseBackend, drawPhoto, element, loadImage, publish, publishError } from '../shared';

const NUM_CLASSES = 3;
const TOPK = 3;

async function main(): Promise<void> {
  await chooseBackend();
  const classifier = knnClassifier.create();
  const mobilenet = await mobilenetModule.load({ version: 1, alpha: 0.25 });
  element<HTMLElement>('loading').style.display = 'none';
  element<HTMLElement>('main').style.display = 'block';

  const video = element<HTMLCanvasElement>('video');
  const scene = element<HTMLSelectElement>('scene');
  let image = await loadImage(scene.value);
  scene.addEventListener('change', () => {
    loadImage(scene.value).then((next) => {
      image = next;
      publish({ scene: scene.value });
    }, publishError);
  });
  publish({ scene: scene.value });

  let training = -1;
  const infoTexts: HTMLElement[] = [];
  for (let i = 0; i < NUM_CLASSES; i++) {
    const row = document.createElement('div');
    row.style.marginBottom = '10px';
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `train-${i}`;
    button.textContent = `Train ${i}`;
    button.addEventListener('click', () => (training = i));
    const info = document.createElement('span');
    info.id = `info-${i}`;
    info.textContent = ' No examples added';
    row.append(button, info);
    element<HTMLElement>('classes').append(row);
    infoTexts.push(info);
  }

  let frames = 0;
  const animate = async (): Promise<void> => {
    drawPhoto(video, image);
    const frame = tf.browser.fromPixels(video);
    let embedding: tf.Tensor | null = null;
    if (training !== -1) {
      embedding = mobilenet.infer(frame, true);
      classifier.addExample(embedding, training);
      training = -1;
    }
    if (classifier.getNumClasses() > 0) {
      embedding?.dispose();
      embedding = mobilenet.infer(frame, true);
      const result = await classifier.predictClass(embedding, TOPK);
      const counts = classifier.getClassExampleCount();
      for (let i = 0; i < NUM_CLASSES; i++) {
        const info = infoTexts[i]!;
        info.style.fontWeight = result.label === String(i) ? 'bold' : 'normal';
        const count = counts[i] ?? 0;
        if (count > 0) info.textContent = ` ${count} examples - ${(result.confidences[i] ?? 0) * 100}%`;
      }
      publish({
        counts: Array.from({ length: NUM_CLASSES }, (_, i) => String(counts[i] ?? 0)).join(' '),
        prediction: `${result.label} (${scene.value})`,
      });
    }
    frame.dispose();
    embedding?.dispose();
    frames += 1;
    publish({ frames: String(frames) });
    requestAnimationFrame(() => void animate().catch(publishError));
  };
  publish({ ready: '1' });
  await animate();
}

main().catch(publishError);
