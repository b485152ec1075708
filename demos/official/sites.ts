// Where the official demos (issues #9 and #16) live and what they fetch, so a browser test can answer their real
// URLs with our stand-in pages (demos/official/<folder>/), the tf.js build or webpack bundle each demo uses, the
// real model files (../shared/models, never committed) and test photos (../shared/inputs). Pure: maps a URL to a
// local file.

import { join } from 'node:path';

export type OfficialDemoId =
  'posenet' | 'webcam-transfer-learning' | 'translation' | 'automl' | 'mobilenet' | 'knn-classifier';

/** Where the webpack bundles of the stand-ins that use the real npm packages are built (demos/webpack.demos.js). */
export const OFFICIAL_BUNDLES = 'dist/demos/official';

export interface OfficialDemo {
  id: OfficialDemoId;
  title: string;
  /** The URL the real demo is served at (the stand-in is answered there). */
  pageUrl: string;
  /** Our stand-in page's folder under demos/official/, and its HTML file. */
  folder: string;
  page: string;
  /**
   * Script tag pages: the npm package whose dist/tf.min.js the page gets as ./tf.min.js (the tf.js version the demo
   * uses). Bundled pages (the demos built from tfjs-models packages): 'bundled', no global `tf`.
   */
  tfjs: 'tfjs1' | 'tfjs2' | 'tfjs3' | '@tensorflow/tfjs' | 'bundled';
  tfjsVersion: string;
  /**
   * Bundled pages: the script the page asks for (camera.js, index.js), answered with the webpack bundle
   * OFFICIAL_BUNDLES/<id>.js built from demos/official/<folder>/<same name>.ts with the real npm packages.
   */
  bundle: string | null;
  /** Prefix of the official model URLs → the folder of ../shared/models that answers them. */
  modelBase: string;
  modelFolder: string;
  /** The model JSON the demo loads (under modelBase). */
  modelFile: string;
  /**
   * How many tf.js models the page makes once driven: the loaded model plus the models it builds from it (tf.model /
   * tf.sequential). Pages that let the loaded model go hold one fewer after a garbage collection (the badge counts
   * what the page still holds).
   */
  models: number;
  /**
   * Appended to pageUrl by the browser check (empty for all: the pages run as the real ones do, loops included;
   * PoseNet's camera loop and the knn-classifier's never stop).
   */
  testQuery: string;
  /** Extra URLs the demo fetches: exact URL → file under ../shared/inputs. */
  inputs: Record<string, string>;
}

export const OFFICIAL_DEMOS: readonly OfficialDemo[] = [
  {
    id: 'posenet',
    title: 'PoseNet camera demo (tfjs-models)',
    pageUrl: 'https://storage.googleapis.com/tfjs-models/demos/posenet/camera.html',
    folder: 'posenet',
    page: 'camera.html',
    tfjs: 'bundled',
    tfjsVersion: '4.22.0',
    bundle: 'camera.js',
    modelBase: 'https://storage.googleapis.com/tfjs-models/savedmodel/posenet/mobilenet/quant2/075/',
    modelFolder: 'posenet-mobilenet-075-quant2-stride16-graph',
    modelFile: 'model-stride16.json',
    models: 1,
    testQuery: '',
    inputs: {
      'https://storage.googleapis.com/tfjs-models/demos/posenet/images/posenet-frisbee.jpg':
        'posenet-frisbee.jpg',
      'https://storage.googleapis.com/tfjs-models/demos/posenet/images/posenet-tennis_in_crowd.jpg':
        'posenet-tennis_in_crowd.jpg',
      'https://storage.googleapis.com/tfjs-models/demos/posenet/images/posenet-two_on_bench.jpg':
        'posenet-two_on_bench.jpg',
    },
  },
  {
    id: 'webcam-transfer-learning',
    title: 'Webcam transfer learning (tfjs-examples)',
    pageUrl: 'https://storage.googleapis.com/tfjs-examples/webcam-transfer-learning/dist/index.html',
    folder: 'webcam-transfer-learning',
    page: 'index.html',
    tfjs: 'tfjs1',
    tfjsVersion: '1.7.4',
    bundle: null,
    modelBase: 'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/',
    modelFolder: 'mobilenet-v1-025-224-layers',
    modelFile: 'model.json',
    // MobileNet as loaded, MobileNet truncated at conv_pw_13_relu (tf.model), the trained head (tf.sequential).
    models: 3,
    testQuery: '',
    inputs: {
      'https://storage.googleapis.com/tfjs-examples/webcam-transfer-learning/dist/images/daisy.jpg':
        'daisy.jpg',
      'https://storage.googleapis.com/tfjs-examples/webcam-transfer-learning/dist/images/coffee.jpg':
        'coffee.jpg',
      'https://storage.googleapis.com/tfjs-examples/webcam-transfer-learning/dist/images/posenet-frisbee.jpg':
        'posenet-frisbee.jpg',
    },
  },
  {
    id: 'translation',
    title: 'English-French translation (tfjs-examples)',
    pageUrl: 'https://storage.googleapis.com/tfjs-examples/translation/dist/index.html',
    folder: 'translation',
    page: 'index.html',
    tfjs: 'tfjs1',
    tfjsVersion: '1.7.4',
    bundle: null,
    modelBase: 'https://storage.googleapis.com/tfjs-models/tfjs/translation_en_fr_v1/',
    modelFolder: 'translation-en-fr-lstm-layers',
    modelFile: 'model.json',
    // The seq2seq model as loaded, the encoder and the decoder built from its layers (tf.model each).
    models: 3,
    testQuery: '',
    inputs: {},
  },
  {
    id: 'automl',
    // Not hosted anywhere: the demo runs from `yarn watch` (parcel's dev server, port 1234) and loads its model and
    // photo from the tfjs-testing bucket.
    title: 'AutoML Edge image classification (tfjs-automl)',
    pageUrl: 'http://localhost:1234/index.html',
    folder: 'automl',
    page: 'index.html',
    tfjs: 'bundled',
    tfjsVersion: '4.22.0',
    bundle: 'index.js',
    modelBase: 'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/',
    modelFolder: 'automl-flowers-graph',
    modelFile: 'model.json',
    models: 1,
    testQuery: '',
    inputs: {
      'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/daisy.jpg': 'daisy.jpg',
    },
  },
  {
    id: 'mobilenet',
    // The tfjs-models README's "live" link. The real page loads version 2, alpha 0.5; the stand-in loads version 1,
    // alpha 0.25 through the same package (the TF-Hub model ../shared/models holds).
    title: 'MobileNet image classification (tfjs-models)',
    pageUrl: 'https://storage.googleapis.com/tfjs-models/demos/mobilenet/index.html',
    folder: 'mobilenet',
    page: 'index.html',
    tfjs: 'bundled',
    tfjsVersion: '4.22.0',
    bundle: 'index.js',
    modelBase: 'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/',
    modelFolder: 'mobilenet-v1-025-224-tfhub-graph',
    // @tensorflow-models/mobilenet loads TF-Hub models with fromTFHub: this exact URL, query included.
    modelFile: 'model.json?tfjs-format=file',
    models: 1,
    testQuery: '',
    inputs: {
      'https://storage.googleapis.com/tfjs-models/demos/mobilenet/coffee.jpg': 'coffee.jpg',
    },
  },
  {
    id: 'knn-classifier',
    // The real page loads MobileNet's default (version 1, alpha 1.0); the stand-in loads version 1, alpha 0.25.
    title: 'KNN classifier on MobileNet embeddings (tfjs-models)',
    pageUrl: 'https://storage.googleapis.com/tfjs-models/demos/knn-classifier/index.html',
    folder: 'knn-classifier',
    page: 'index.html',
    tfjs: 'bundled',
    tfjsVersion: '4.22.0',
    bundle: 'index.js',
    modelBase: 'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/',
    modelFolder: 'mobilenet-v1-025-224-tfhub-graph',
    modelFile: 'model.json?tfjs-format=file',
    models: 1,
    testQuery: '',
    inputs: {
      'https://storage.googleapis.com/tfjs-models/demos/knn-classifier/images/daisy.jpg': 'daisy.jpg',
      'https://storage.googleapis.com/tfjs-models/demos/knn-classifier/images/coffee.jpg': 'coffee.jpg',
      'https://storage.googleapis.com/tfjs-models/demos/knn-classifier/images/posenet-frisbee.jpg':
        'posenet-frisbee.jpg',
    },
  },
];

export interface Roots {
  /** The repository root (for demos/official and node_modules). */
  repo: string;
  /** ../shared/models */
  models: string;
  /** ../shared/inputs */
  inputs: string;
  /** Another model folder to answer a demo's model URLs with (a control run: the wrong model must be caught). */
  swap?: Partial<Record<OfficialDemoId, string>>;
}

/** The local file that answers `url` for a demo, or null (the test then refuses the request). */
export function localFileFor(url: string, roots: Roots): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const bare = `${u.origin}${u.pathname}`;
  for (const demo of OFFICIAL_DEMOS) {
    const input = demo.inputs[bare];
    if (input) return join(roots.inputs, input);
    if (bare.startsWith(demo.modelBase)) {
      const file = safeName(bare.slice(demo.modelBase.length));
      return file ? join(roots.models, roots.swap?.[demo.id] ?? demo.modelFolder, file) : null;
    }
    const base = demo.pageUrl.slice(0, demo.pageUrl.lastIndexOf('/') + 1);
    if (bare.startsWith(base)) {
      const file = safeName(bare.slice(base.length));
      if (file === 'tf.min.js')
        return demo.tfjs === 'bundled' ? null : join(roots.repo, 'node_modules', demo.tfjs, 'dist/tf.min.js');
      if (file !== null && file === demo.bundle) return join(roots.repo, OFFICIAL_BUNDLES, `${demo.id}.js`);
      return file ? join(roots.repo, 'demos/official', demo.folder, file) : null;
    }
  }
  return null;
}

/** A plain file name (no folders, no dot files): the demos' own files are all flat. */
function safeName(name: string): string | null {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) ? name : null;
}
