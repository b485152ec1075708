// Builds the official demos' stand-ins that use the real npm packages (posenet, tfjs-automl, mobilenet,
// knn-classifier) into dist/demos/official/<demo>.js, minified and with no global `tf`, as the demos' own parcel
// builds are. Not part of `npm run build` (four tf.js bundles): check:official runs it when a bundle is missing or
// older than its sources (`npx webpack --config demos/official/webpack.official.js`).
import { resolve } from 'node:path';
import { gallery } from '../webpack.demos.js';

/** Demo id (demos/official/sites.ts) → source file; the page asks for the bundle under its script's name. */
export const OFFICIAL_ENTRIES = {
  posenet: './demos/official/posenet/camera.ts',
  automl: './demos/official/automl/index.ts',
  mobilenet: './demos/official/mobilenet/index.ts',
  'knn-classifier': './demos/official/knn-classifier/index.ts',
};

/** @type {import('webpack').Configuration} */
export default {
  ...gallery,
  name: 'official-demos',
  entry: OFFICIAL_ENTRIES,
  output: { path: resolve(gallery.context, 'dist/demos/official'), filename: '[name].js' },
};
