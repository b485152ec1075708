// The gallery's test-mode contract, shared by every page: read ?frames and ?backend, digest the model outputs,
// and publish the result in the DOM, where end-to-end tests compare runs with and without Literate.

/**
 * Options every demo page reads from its URL.
 * @param {string} search a location.search string
 * @returns {{frames: number | null, backend: string | null}}
 */
export function readDemoOptions(search) {
  const params = new URLSearchParams(search);
  const framesText = params.get('frames');
  const frames = framesText !== null && /^\d+$/.test(framesText) ? Number(framesText) : null;
  const backend = params.get('backend');
  return { frames, backend: backend === 'cpu' || backend === 'webgl' ? backend : null };
}

/**
 * Folds bytes into a 32-bit FNV-1a hash.
 * @param {Uint8Array} bytes
 * @param {number} [hash] the running hash (offset basis to start)
 * @returns {number}
 */
export function fnv1a(bytes, hash = 0x811c9dc5) {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A running FNV-1a digest over the exact Float32 bytes of every output a page produced, in order. */
export class OutputDigest {
  constructor() {
    this.hash = 0x811c9dc5;
    this.count = 0;
  }

  /** @param {ArrayLike<number>} values an output's values (converted to float32, little-endian) */
  add(values) {
    const floats = values instanceof Float32Array ? values : Float32Array.from(values);
    this.hash = fnv1a(new Uint8Array(floats.buffer, floats.byteOffset, floats.byteLength), this.hash);
    this.count++;
  }

  /** @returns {string} eight lowercase hex digits */
  hex() {
    return this.hash.toString(16).padStart(8, '0');
  }
}

/**
 * Publishes a finished test run on <html>: data-demo-digest, data-demo-tensors, data-demo-frames, and last
 * data-demo-done="1", so a test that waits for demo-done reads complete results.
 * @param {{digest: string, numTensors: number, frames: number}} result
 * @param {HTMLElement} [root]
 */
export function publishTestResult(result, root = document.documentElement) {
  root.dataset.demoDigest = result.digest;
  root.dataset.demoTensors = String(result.numTensors);
  root.dataset.demoFrames = String(result.frames);
  root.dataset.demoDone = '1';
}

/**
 * Publishes a failed run: data-demo-error with the message and data-demo-done="error", so tests fail fast.
 * @param {unknown} error
 * @param {HTMLElement} [root]
 */
export function publishTestError(error, root = document.documentElement) {
  root.dataset.demoError = error instanceof Error ? error.message : String(error);
  root.dataset.demoDone = 'error';
}

/**
 * Switches tf.js to the requested backend (if any) and waits until it is ready. Works with tf.js 1.x–4.x and
 * with a bundled tfjs-core.
 * @param {{setBackend(name: string): Promise<boolean> | boolean, ready(): Promise<void>}} tf
 * @param {string | null} backend
 */
export async function chooseBackend(tf, backend) {
  if (backend) {
    const ok = await tf.setBackend(backend);
    if (ok === false) throw new Error(`tf.js backend ${backend} is not available`);
  }
  await tf.ready();
}
