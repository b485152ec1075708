// ONNX Runtime Web's version on a bundled page (transformers.js bundles it): there is no `ort` global and its
// `env` is held in the bundle's module scope, out of the hook's reach, so the page's own scripts are read instead —
// every onnxruntime-web build keeps its `/*! ONNX Runtime Web v1.31.1 */` banner, and sets `env.versions.web` from a
// literal. Once per page, only when the hook could not tell the version of a session it found.

import { scanPageScripts } from './page-tf-version';

const VERSION = String.raw`(\d+\.\d+\.\d+(?:-[\w.-]{1,48})?)`;
const BANNER = new RegExp(String.raw`ONNX Runtime Web v${VERSION}\s`);
/** `Object.defineProperty(env.versions, "web", { value: version2, …` — the value an identifier or a literal. */
const VERSIONS_WEB =
  /\.versions\s*,\s*["']web["']\s*,\s*\{\s*value\s*:\s*(?:["']([^"']{1,64})["']|([\w$]{1,32}))/;

/** The version a script URL names (an ES module from a CDN: `…/onnxruntime-web@1.31.1/dist/ort.min.mjs`), or null. */
export function ortVersionInUrl(url: string): string | null {
  return new RegExp(String.raw`/onnxruntime-web@${VERSION}(?:[/?#]|$)`).exec(url)?.[1] ?? null;
}

/** The version a script's text names for the onnxruntime-web it bundles, or null. */
export function ortVersionInScript(text: string): string | null {
  const banner = BANNER.exec(text);
  if (banner) return banner[1]!;
  const set = VERSIONS_WEB.exec(text);
  if (!set) return null;
  if (set[1]) return new RegExp(`^${VERSION}$`).exec(set[1])?.[1] ?? null;
  const name = set[2]!.replace(/\$/g, '\\$');
  const literal = new RegExp(String.raw`(?:^|[^\w$.])${name}\s*=\s*["']${VERSION}["']`).exec(text);
  return literal ? literal[1]! : null;
}

let found: Promise<string | null> | null = null;

export function bundledOrtVersion(): Promise<string | null> {
  found ??= scanPageScripts(ortVersionInUrl, ortVersionInScript);
  return found;
}
