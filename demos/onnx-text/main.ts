// Sentiment demo: a webpack-bundled transformers.js 4 page (no global `ort`) that runs a text-classification pipeline
// on a feed of reviews and on what the reader types, from local files only, on ONNX Runtime Web's wasm backend.
import { env, pipeline, type TextClassificationPipeline } from '@huggingface/transformers';
import { showProbabilities } from '../shared/probability-bars.js';
import { OutputDigest, publishTestError, publishTestResult, readDemoOptions } from '../shared/test-mode.js';
import { REVIEWS, SENTIMENT_LABELS, scoresInLabelOrder } from './reviews.js';

const MODEL_ID = 'sentiment-tiny';
/** Where this page serves the ONNX Runtime Web build transformers.js imports (its own pinned copy). */
const ORT_DIST = '/node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/';
const FEED_INTERVAL_MS = 2500;
const FEED_LENGTH = 6;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

const verdict = element<HTMLElement>('verdict');
const bars = element<HTMLElement>('bars');
const feed = element<HTMLElement>('feed');

/** Everything from this server: no model hub, no CDN for the wasm files, no browser cache between runs. */
function configureLocalOnly(): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = '/demos/onnx-models/';
  env.useBrowserCache = false;
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error('this transformers.js build has no wasm backend');
  wasm.wasmPaths = {
    mjs: `${ORT_DIST}ort-wasm-simd-threaded.asyncify.mjs`,
    wasm: `${ORT_DIST}ort-wasm-simd-threaded.asyncify.wasm`,
  };
}

type Scored = { label: string; score: number }[];

/** Every label's score for one text, in label order. */
async function classify(classifier: TextClassificationPipeline, text: string): Promise<Float32Array> {
  const results = (await classifier(text, { top_k: null })) as Scored;
  return scoresInLabelOrder(results);
}

function show(text: string, scores: Float32Array): void {
  const best = scores[1]! >= scores[0]! ? 1 : 0;
  verdict.textContent = `“${text}” reads ${SENTIMENT_LABELS[best]!.toLowerCase()}`;
  showProbabilities(bars, SENTIMENT_LABELS, scores);
}

function addToFeed(text: string, scores: Float32Array): void {
  const best = scores[1]! >= scores[0]! ? 1 : 0;
  const item = document.createElement('li');
  const quote = document.createElement('q');
  quote.textContent = text;
  const tag = document.createElement('span');
  tag.className = `sentiment ${SENTIMENT_LABELS[best]!.toLowerCase()}`;
  tag.textContent = ` ${SENTIMENT_LABELS[best]} ${(100 * scores[best]!).toFixed(1)}%`;
  item.append(quote, tag);
  feed.prepend(item);
  while (feed.children.length > FEED_LENGTH) feed.lastElementChild?.remove();
}

/** Test mode: classify the first `frames` reviews (cycling) and publish a digest of their scores. */
async function runFrames(classifier: TextClassificationPipeline, frames: number): Promise<void> {
  const digest = new OutputDigest();
  for (let i = 0; i < frames; i++) {
    const text = REVIEWS[i % REVIEWS.length]!;
    const scores = await classify(classifier, text);
    show(text, scores);
    addToFeed(text, scores);
    digest.add(scores);
  }
  publishTestResult({ digest: digest.hex(), numTensors: 0, frames });
}

/** Interactive: a new review from the feed every few seconds (unless paused), and whatever the reader submits. */
function runInteractive(classifier: TextClassificationPipeline): void {
  const pause = element<HTMLButtonElement>('pause');
  const form = element<HTMLFormElement>('review-form');
  const input = element<HTMLInputElement>('review');
  let paused = false;
  let next = 0;
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume the feed' : 'Pause the feed';
    pause.setAttribute('aria-pressed', String(paused));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    void classify(classifier, text).then((scores) => show(text, scores));
  });
  const tick = async () => {
    if (!paused) {
      const text = REVIEWS[next++ % REVIEWS.length]!;
      const scores = await classify(classifier, text);
      show(text, scores);
      addToFeed(text, scores);
    }
    setTimeout(() => void tick().catch(fail), FEED_INTERVAL_MS);
  };
  void tick().catch(fail);
}

function fail(error: unknown): void {
  verdict.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  publishTestError(error);
}

async function main(): Promise<void> {
  configureLocalOnly();
  const options = readDemoOptions(location.search);
  const classifier = (await pipeline('text-classification', MODEL_ID, {
    dtype: 'fp32',
    device: 'wasm',
  })) as TextClassificationPipeline;
  element<HTMLElement>('runtime').textContent =
    `transformers.js ${env.version} (bundled) · ONNX Runtime Web ${env.backends.onnx.versions?.web ?? '?'} · ` +
    `wasm · model ${env.localModelPath}${MODEL_ID}`;
  if (options.frames !== null) await runFrames(classifier, options.frames);
  else runInteractive(classifier);
}

main().catch(fail);
