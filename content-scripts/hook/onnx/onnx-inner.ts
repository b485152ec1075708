// Intermediate values of an ONNX Runtime Web session, only while a view on an inner node is open: a second,
// reader-only session handler made by the page's own ORT backend from a copy of the model with those tensors added
// as graph outputs (model/onnx/extra-outputs.ts), run on a copy of the inputs of a page call the tap sampled, after
// that call has finished, one run at a time. The page's session, tensors and outputs are never touched; the side
// handler is released when the last such view closes. Its cost (one extra run per sampled call) is in the bench.

import { withExtraOutputs } from '../../../model/onnx/extra-outputs';
import { pageGlobals, read, safely } from '../page-globals';

const getPrototypeOf = Object.getPrototypeOf;
const objectKeys = Object.keys;

export interface InnerSource {
  /** A copy of the model bytes the page's session was created from. */
  bytes(): Promise<ArrayBuffer>;
  /** The page ORT backend's own createInferenceSessionHandler. */
  createHandler(model: Uint8Array, options: object): Promise<object>;
}

/** A copy of one feed tensor as ORT's handlers read it (location, type, dims, data), or null when not on the CPU. */
export function copyFeed(t: unknown): object | null {
  return safely(() => {
    const location = read(t, 'location');
    if (location !== undefined && location !== 'cpu' && location !== 'cpu-pinned') return null;
    const type = read(t, 'type');
    const dims = read(t, 'dims');
    const data = read(t, 'data') as { slice?: () => unknown } | undefined;
    if (typeof type !== 'string' || !pageGlobals.isArray(dims) || typeof data?.slice !== 'function')
      return null;
    return { location: 'cpu', type, dims: dims.map(Number), data: data.slice() };
  }, null);
}

/** Copies every feed of a page call (null if one is not on the CPU: then no inner values for that call). */
export function copyFeeds(feeds: unknown): Record<string, object> | null {
  return safely(() => {
    const out: Record<string, object> = Object.create(null);
    for (const name of objectKeys(feeds ?? {}).slice(0, 64)) {
      const copy = copyFeed(read(feeds, name));
      if (!copy) return null;
      out[name] = copy;
    }
    return out;
  }, null);
}

export class InnerRunner {
  private handler: Promise<object> | null = null;
  private key = '';
  private busy = false;
  /** Settles when the run going ends (a waiting probe runs next). */
  private idle: Promise<void> = Promise.resolve();
  /** Side runs done and skipped (busy), for tests and the bench. */
  readonly stats = { runs: 0, skipped: 0 };

  constructor(private readonly source: InnerSource) {}

  /**
   * Runs `feeds` on a handler that also outputs `names`, fetching those and `also` (graph outputs); null when a run
   * is still going (that call is skipped) — unless `wait`, the reader's probe, which runs after the one going.
   */
  async run(
    feeds: Record<string, object>,
    names: readonly string[],
    also: readonly string[] = [],
    wait = false,
  ): Promise<Record<string, unknown> | null> {
    while (wait && this.busy) await this.idle;
    if (this.busy) {
      this.stats.skipped++;
      return null;
    }
    this.busy = true;
    let done = (): void => undefined;
    this.idle = new Promise<void>((resolve) => (done = resolve));
    try {
      const wanted = [...new pageGlobals.Set(names)].sort();
      const key = wanted.join('\u0000');
      if (!this.handler || key !== this.key) {
        await this.release();
        this.key = key;
        this.handler = this.source.bytes().then((bytes) =>
          this.source.createHandler(withExtraOutputs(new pageGlobals.Uint8Array(bytes), wanted), {
            executionProviders: ['wasm'],
          }),
        );
      }
      const handler = await this.handler;
      const run =
        read(
          safely(() => getPrototypeOf(handler), null),
          'run',
        ) ?? read(handler, 'run');
      if (typeof run !== 'function') throw new Error('the side session cannot run');
      const fetches: Record<string, null> = Object.create(null);
      for (const name of [...wanted, ...also]) fetches[name] = null;
      const results = await (pageGlobals.apply(run as (...a: unknown[]) => unknown, handler, [
        feeds,
        fetches,
        {},
      ]) as Promise<Record<string, unknown>>);
      this.stats.runs++;
      return results;
    } catch (error) {
      // A model ORT cannot extend (or a failed run) ends here; the next sampled call tries again with a new handler.
      await this.release();
      throw error;
    } finally {
      this.busy = false;
      done();
    }
  }

  /** Releases the side handler (when the last view on an inner node closes). */
  async release(): Promise<void> {
    const pending = this.handler;
    this.handler = null;
    this.key = '';
    if (!pending) return;
    const handler = await pending.catch(() => null);
    safely(() => {
      const dispose = read(handler, 'dispose');
      if (typeof dispose === 'function') void pageGlobals.apply(dispose as () => unknown, handler, []);
    }, undefined);
  }
}
