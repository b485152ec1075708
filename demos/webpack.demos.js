// Builds the gallery's bundled pages (today: moving-shapes) into dist/demos/<page>.js, the way a real app
// bundles tf.js from npm: no global `tf`. The root webpack config imports this; it also builds alone with
// `npx webpack --config demos/webpack.demos.js --mode production`. (The official demos' stand-ins have their own
// config, demos/official/webpack.official.js, built by check:official.)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import TerserPlugin from 'terser-webpack-plugin';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** Bundled demo pages: entry name → source file. */
export const DEMO_ENTRIES = {
  'moving-shapes': './demos/moving-shapes/main.ts',
  'onnx-text': './demos/onnx-text/main.ts',
};

/** @type {import('webpack').Configuration} */
export const gallery = {
  name: 'demos',
  context: root,
  mode: 'production',
  target: 'web',
  entry: DEMO_ENTRIES,
  output: {
    path: resolve(root, 'dist/demos'),
    filename: '[name].js',
  },
  devtool: false,
  resolve: {
    extensions: ['.ts', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
      },
      // onnx-text: ONNX Runtime Web finds its .wasm by `new URL(…, import.meta.url)`; the page sets wasmPaths to
      // the files this server already has, so webpack must not copy the 20 MB binaries into dist/demos.
      { test: /[\\/]onnxruntime-web[\\/]/, parser: { url: false } },
    ],
  },
  optimization: {
    minimizer: [
      new TerserPlugin({ extractComments: false, terserOptions: { format: { ascii_only: true } } }),
    ],
  },
  performance: { hints: false },
};

export default gallery;
