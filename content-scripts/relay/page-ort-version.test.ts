// The forms below are copied from real builds: dist/demos/onnx-text.js (webpack + terser over transformers.js 4,
// which bundles onnxruntime-web 1.31.0-dev), onnxruntime-web 1.31.1's dist/ort.mjs and dist/ort.bundle.min.mjs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ortVersionInScript, ortVersionInUrl } from './page-ort-version';

const WEBPACK_BANNER = `/* harmony export */   registerBackend: () => (/* binding */ rt)
/* harmony export */ });
/*!
 * ONNX Runtime Web v1.31.0-dev.20260914-8d85527a0
 * Copyright (c) Microsoft Corporation. All rights reserved.
 * Licensed under the MIT License.
 */
var Jr=Object.defineProperty;var dc=Object.getOwnPropertyDescriptor;`;

// No banner (a build that strips every comment): the minified defineProperty and its variable.
const MINIFIED = `var Na,Va=V(()=>{"use strict";Na="1.31.0-dev.20260911-2a43ec07e"});Le();var cs="1.31.0-dev.20260914-8d85527a0";var BT=Xn;{let t=(gp(),er(hp)).wasmBackend;Pt("webgpu",t,5),Pt("wasm",t,10)}Object.defineProperty(_e.versions,"web",{value:cs,enumerable:!0});export{Bf as InferenceSession}`;

const PLAIN = `var version2 = "1.31.1";
// web/lib/index.ts
Object.defineProperty(env2.versions, "web", { value: version2, enumerable: true });`;

describe('ortVersionInScript', () => {
  it("reads the banner onnxruntime-web keeps in a bundle (the web package's version, not common's)", () => {
    expect(ortVersionInScript(WEBPACK_BANNER)).toBe('1.31.0-dev.20260914-8d85527a0');
  });

  it('follows env.versions.web to its literal when no banner is left (minified and plain builds)', () => {
    expect(ortVersionInScript(MINIFIED)).toBe('1.31.0-dev.20260914-8d85527a0');
    expect(ortVersionInScript(PLAIN)).toBe('1.31.1');
    expect(ortVersionInScript('Object.defineProperty(e.versions,"web",{value:"1.22.0",enumerable:!0})')).toBe(
      '1.22.0',
    );
  });

  it('says nothing for scripts without onnxruntime-web, or a value that is not a version', () => {
    expect(ortVersionInScript('var version_core="4.22.0";')).toBeNull();
    expect(ortVersionInScript('Object.defineProperty(e.versions,"web",{value:x})')).toBeNull();
    expect(ortVersionInScript('Object.defineProperty(e.versions,"web",{value:"<img>"})')).toBeNull();
    // A variable whose name only ends like the one env.versions.web names (`xcs` for `cs`) is not taken.
    expect(ortVersionInScript('xcs="9.9.9";Object.defineProperty(e.versions,"web",{value:cs})')).toBeNull();
  });
});

describe('ortVersionInUrl', () => {
  it('reads the version an ES module from a CDN names', () => {
    expect(ortVersionInUrl('https://cdn.jsdelivr.net/npm/onnxruntime-web@1.31.1/dist/ort.min.mjs')).toBe(
      '1.31.1',
    );
    expect(ortVersionInUrl('https://cdn.jsdelivr.net/npm/onnxruntime-web/dist/ort.min.mjs')).toBeNull();
    expect(
      ortVersionInUrl('https://cdn.jsdelivr.net/npm/onnxruntime-web@latest/dist/ort.min.mjs'),
    ).toBeNull();
  });
});

describe('ortVersionInScript on the installed builds', () => {
  it('names the version of each onnxruntime-web in node_modules, as its package.json says', () => {
    for (const dir of ['onnxruntime-web', '@huggingface/transformers/node_modules/onnxruntime-web']) {
      const root = `${process.cwd()}/node_modules/${dir}`;
      const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };
      for (const file of ['ort.bundle.min.mjs', 'ort.mjs'])
        expect(ortVersionInScript(readFileSync(`${root}/dist/${file}`, 'utf8'))).toBe(version);
    }
  });
});
