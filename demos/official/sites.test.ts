// The official-demo URL table: every URL a stand-in needs maps to a file we have (and nothing else does), and the
// manifest lets Literate run on every official demo page by default, with no wider access than those hosts.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../extension/permissions/site-access';
import { OFFICIAL_BUNDLES, OFFICIAL_DEMOS, localFileFor } from './sites';

const REPO = resolve(import.meta.dirname, '../..');
const roots = { repo: REPO, models: '/models', inputs: '/inputs' };
const manifest = JSON.parse(readFileSync(join(REPO, 'manifest.json'), 'utf8')) as {
  host_permissions: string[];
  content_scripts: { matches: string[]; world?: string }[];
};

describe('official demo URLs → local files', () => {
  it('answers each page, its scripts and its tf.js build from the repository', () => {
    for (const demo of OFFICIAL_DEMOS) {
      const page = localFileFor(demo.pageUrl, roots);
      expect(page).toBe(join(REPO, 'demos/official', demo.folder, demo.page));
      expect(existsSync(page!)).toBe(true);
      const html = readFileSync(page!, 'utf8');
      const scripts = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
      if (demo.tfjs === 'bundled') {
        // A bundle of the real npm packages (built by check:official), no tf.min.js.
        expect(scripts, demo.id).toEqual([demo.bundle]);
        expect(localFileFor(new URL(demo.bundle!, demo.pageUrl).href, roots)).toBe(
          join(REPO, OFFICIAL_BUNDLES, `${demo.id}.js`),
        );
        expect(
          existsSync(join(REPO, 'demos/official', demo.folder, demo.bundle!.replace(/\.js$/, '.ts'))),
        ).toBe(true);
        expect(localFileFor(new URL('tf.min.js', demo.pageUrl).href, roots)).toBeNull();
        continue;
      }
      expect(scripts).toContain('tf.min.js');
      for (const src of scripts) {
        const file = localFileFor(new URL(src, demo.pageUrl).href, roots);
        expect(file, `${demo.id}: ${src}`).not.toBeNull();
        expect(existsSync(file!), `${demo.id}: ${file}`).toBe(true);
      }
      expect(localFileFor(new URL('tf.min.js', demo.pageUrl).href, roots)).toBe(
        join(REPO, 'node_modules', demo.tfjs, 'dist/tf.min.js'),
      );
    }
  });

  it('answers the TF-Hub MobileNet the mobilenet package loads (query included) and the pages photos', () => {
    expect(
      localFileFor(
        'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file',
        roots,
      ),
    ).toBe('/models/mobilenet-v1-025-224-tfhub-graph/model.json');
    expect(
      localFileFor(
        'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/group1-shard1of1?tfjs-format=file',
        roots,
      ),
    ).toBe('/models/mobilenet-v1-025-224-tfhub-graph/group1-shard1of1');
    expect(localFileFor('https://storage.googleapis.com/tfjs-models/demos/mobilenet/coffee.jpg', roots)).toBe(
      '/inputs/coffee.jpg',
    );
    expect(
      localFileFor('https://storage.googleapis.com/tfjs-models/demos/knn-classifier/images/daisy.jpg', roots),
    ).toBe('/inputs/daisy.jpg');
    expect(
      localFileFor('https://tfhub.dev/google/imagenet/other/classification/1/model.json', roots),
    ).toBeNull();
  });

  it('answers the official model URLs (and their shards) from the shared model folders', () => {
    expect(
      localFileFor(
        'https://storage.googleapis.com/tfjs-models/savedmodel/posenet/mobilenet/quant2/075/model-stride16.json',
        roots,
      ),
    ).toBe('/models/posenet-mobilenet-075-quant2-stride16-graph/model-stride16.json');
    expect(
      localFileFor(
        'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/group12-shard1of1',
        roots,
      ),
    ).toBe('/models/mobilenet-v1-025-224-layers/group12-shard1of1');
    expect(
      localFileFor(
        'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/dict.txt',
        roots,
      ),
    ).toBe('/models/automl-flowers-graph/dict.txt');
    // A query string (cache busting) does not change the file.
    expect(
      localFileFor(
        'https://storage.googleapis.com/tfjs-models/tfjs/translation_en_fr_v1/metadata.json?v=2',
        roots,
      ),
    ).toBe('/models/translation-en-fr-lstm-layers/metadata.json');
    expect(
      localFileFor(
        'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/daisy.jpg',
        roots,
      ),
    ).toBe('/inputs/daisy.jpg');
  });

  it("answers a demo's model URLs from another folder when a control run swaps the model", () => {
    const swapped = { ...roots, swap: { automl: 'mobilenet-v1-025-224-tfhub-graph' } };
    expect(
      localFileFor(
        'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/model.json',
        swapped,
      ),
    ).toBe('/models/mobilenet-v1-025-224-tfhub-graph/model.json');
    expect(localFileFor(OFFICIAL_DEMOS[0]!.modelBase + OFFICIAL_DEMOS[0]!.modelFile, swapped)).toBe(
      `/models/${OFFICIAL_DEMOS[0]!.modelFolder}/${OFFICIAL_DEMOS[0]!.modelFile}`,
    );
  });

  it('answers nothing else: other paths, folders, dot files and escapes are refused', () => {
    for (const url of [
      'https://storage.googleapis.com/tfjs-models/other/model.json',
      'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/../../secret',
      'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/%2e%2e%2fsecret',
      'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/sub/model.json',
      'https://storage.googleapis.com/tfjs-models/demos/posenet/.env',
      'https://example.com/tfjs-models/demos/posenet/camera.html',
      'http://localhost:4321/index.html',
      'not a url',
    ]) {
      expect(localFileFor(url, roots), url).toBeNull();
    }
  });
});

describe('the manifest covers the official demos by default', () => {
  const hook = manifest.content_scripts.find((c) => c.world === 'MAIN')!;
  const relay = manifest.content_scripts.find((c) => c.world !== 'MAIN')!;

  it.each(OFFICIAL_DEMOS.map((d) => [d.id, d.pageUrl]))('%s: %s', (_id, url) => {
    expect(hook.matches.some((p) => matchesPattern(p, url))).toBe(true);
    expect(relay.matches.some((p) => matchesPattern(p, url))).toBe(true);
    expect(manifest.host_permissions.some((p) => matchesPattern(p, url))).toBe(true);
  });

  it('asks for those hosts only, not for the whole bucket or any other host', () => {
    const all = [...manifest.host_permissions, ...hook.matches, ...relay.matches];
    expect(
      all.some((p) => matchesPattern(p, 'https://storage.googleapis.com/some-other-bucket/index.html')),
    ).toBe(false);
    expect(all.some((p) => matchesPattern(p, 'https://example.com/'))).toBe(false);
  });
});
