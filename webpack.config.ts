// Builds the extension once into dist/chrome, derives dist/firefox from it, and builds the demo gallery bundles.

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import TerserPlugin from 'terser-webpack-plugin';
import webpack from 'webpack';
import { deriveManifest } from './scripts/manifests';
import { findNoncharacters } from './scripts/noncharacters';
import { BundledLicensesPlugin } from './scripts/bundled-licenses';

const root = dirname(fileURLToPath(import.meta.url));
/** LITERATE_DIST puts the extension builds elsewhere (parallel work; pair with LITERATE_EXTENSION_DIR in e2e). */
const extensionDist = resolve(root, process.env.LITERATE_DIST ?? 'dist');
const chromeDir = join(extensionDist, 'chrome');
const firefoxDir = join(extensionDist, 'firefox');

/** Copies the static files and writes both manifests once the bundles are emitted; fails on noncharacters. */
class ExtensionAssetsPlugin {
  apply(compiler: webpack.Compiler): void {
    compiler.hooks.thisCompilation.tap('ExtensionAssets', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ExtensionAssets', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const [name, source] of Object.entries(assets)) {
            if (!/\.(js|css|html|json)$/.test(name)) continue;
            const hits = findNoncharacters(source.source().toString());
            for (const hit of hits) {
              compilation.errors.push(
                new webpack.WebpackError(
                  `${name}:${hit.line}: Unicode noncharacter U+${hit.codePoint.toString(16).toUpperCase()} — ` +
                    'Chromium refuses to load such a script; minify with ascii_only.',
                ),
              );
            }
          }
        },
      );
    });
    compiler.hooks.afterEmit.tap('ExtensionAssets', (compilation) => {
      if (compilation.errors.length > 0) return;
      const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
      const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
      const copy = (from: string, to: string) =>
        cpSync(join(root, from), join(chromeDir, to), { recursive: true });
      copy('extension/popup/popup.html', 'popup.html');
      copy('extension/options/options.html', 'options.html');
      copy('extension/welcome/welcome.html', 'welcome.html');
      copy('extension/welcome/welcome.css', 'welcome.css');
      copy('extension/ui/ui.css', 'ui.css');
      copy('extension/icons', 'icons');
      copy('extension/_locales', '_locales');
      // KaTeX: the stylesheet (loaded into the overlay's shadow root) and only the woff2 fonts it needs.
      copy('node_modules/katex/dist/katex.min.css', 'katex/katex.min.css');
      cpSync(join(root, 'node_modules/katex/dist/fonts'), join(chromeDir, 'katex/fonts'), {
        recursive: true,
        filter: (src) => !/\.(woff|ttf)$/.test(src),
      });
      // The pack format's JSON Schema, published at a stable path beside the builds.
      const schema = join(root, 'annotations/format/pack.schema.json');
      if (existsSync(schema)) {
        mkdirSync(join(root, 'dist/schema'), { recursive: true });
        cpSync(schema, join(root, 'dist/schema/pack-1.schema.json'));
        // The JSON-LD context packs name as https://literate.dev/ns/pack/1 (the document served there).
        cpSync(
          join(root, 'annotations/interop/literate-context.jsonld'),
          join(root, 'dist/schema/literate-context-1.jsonld'),
        );
      }
      // The packs we ship, with an index the background reads on install and reload.
      const packsDir = join(root, 'annotations/packs');
      if (existsSync(packsDir)) {
        const files = readdirSync(packsDir)
          .filter((f) => f.endsWith('.json') && f !== 'index.json')
          .sort();
        mkdirSync(join(chromeDir, 'packs'), { recursive: true });
        for (const f of files) cpSync(join(packsDir, f), join(chromeDir, 'packs', f));
        writeFileSync(join(chromeDir, 'packs/index.json'), JSON.stringify({ packs: files }));
      }
      writeFileSync(
        join(chromeDir, 'manifest.json'),
        JSON.stringify(deriveManifest(source, 'chrome', version), null, 2),
      );
      rmSync(firefoxDir, { recursive: true, force: true });
      cpSync(chromeDir, firefoxDir, { recursive: true });
      writeFileSync(
        join(firefoxDir, 'manifest.json'),
        JSON.stringify(deriveManifest(source, 'firefox', version), null, 2),
      );
    });
  }
}

const minimizer = [
  new TerserPlugin({
    extractComments: false,
    terserOptions: { format: { ascii_only: true, comments: false } },
  }),
];

const resolveConfig: webpack.ResolveOptions = {
  extensions: ['.ts', '.tsx', '.js', '.mjs'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
};

const tsRule: webpack.RuleSetRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true } },
};

/** `import css from './x.css?raw'`: a stylesheet as a string, for the overlay's shadow root (as Vite does in tests). */
const rawRule: webpack.RuleSetRule = { resourceQuery: /raw/, type: 'asset/source' };

const extension: webpack.Configuration = {
  name: 'extension',
  target: 'web',
  devtool: false,
  entry: {
    hook: './content-scripts/hook/index.ts',
    content: './content-scripts/relay/index.ts',
    overlay: './content-scripts/overlay/index.tsx',
    background: './extension/background/index.ts',
    popup: './extension/popup/index.tsx',
    welcome: './extension/welcome/index.tsx',
    options: './extension/options/index.tsx',
  },
  output: {
    path: chromeDir,
    filename: '[name].js',
    // Only the overlay has later chunks; they are injected by the background (boot/chunk-loader.ts), by name.
    chunkFilename: 'overlay-[name].js',
    publicPath: '',
    chunkLoadingGlobal: 'literateOverlayChunks',
    clean: true,
    iife: true,
  },
  resolve: resolveConfig,
  module: { rules: [tsRule, rawRule] },
  optimization: { minimizer, splitChunks: false, runtimeChunk: false, chunkIds: 'named' },
  performance: { hints: false },
  plugins: [new ExtensionAssetsPlugin()],
};

/** The `literate` command, bundled for Node so an installed package needs no TypeScript runtime. */
const cli: webpack.Configuration = {
  name: 'cli',
  target: 'node20',
  devtool: false,
  entry: { literate: './cli/literate/main.ts' },
  output: {
    path: resolve(root, 'dist/cli'),
    filename: '[name].js',
    library: { type: 'module' },
    clean: true,
  },
  experiments: { outputModule: true },
  // tf.js and ONNX Runtime Web are optional peers of the published CLI, needed by `pack check` only: a dynamic import()
  // that fails there, with install instructions, instead of a static import that would stop every command.
  externalsType: 'import',
  externals: [/^@tensorflow\//, /^onnxruntime-web$/],
  resolve: resolveConfig,
  // One file: KaTeX's dynamic import (a chunk of its own in the extension) is bundled in.
  module: { rules: [tsRule, rawRule], parser: { javascript: { dynamicImportMode: 'eager' } } },
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new BundledLicensesPlugin()],
};

// AMO's source archive (scripts/package-sources.ts) holds only the extension's sources: no CLI, no gallery.
const configs: webpack.Configuration[] = existsSync(join(root, 'cli/literate/main.ts'))
  ? [extension, cli]
  : [extension];

const demosConfigPath = join(root, 'demos/webpack.demos.js');
if (existsSync(demosConfigPath)) {
  const demos = (await import(demosConfigPath)).default as webpack.Configuration | webpack.Configuration[];
  configs.push(...(Array.isArray(demos) ? demos : [demos]).map((c) => ({ name: 'demos', ...c })));
}

mkdirSync(chromeDir, { recursive: true });
export default configs;
