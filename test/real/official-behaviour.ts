// Runs a shipped pack's examples and checks (the checks engine, annotations/checks) against the live official demo:
// the engine runs in Node, each model run goes through the extension's real probe in the page (ContentApi.probe in
// the isolated world, over CDP), and pictures come from the page (image URLs as the page would load them, elements
// read from its DOM) — so what is proved is the model the page itself loaded.

import type { Page } from 'playwright-core';
import type { ModelGraph } from '../../model/model-graph';
import { runPack } from '../../annotations/checks';
import type {
  InputSource,
  ModelInput,
  ModelRunner,
  NodeValues,
  PackRunResult,
  RgbaImage,
} from '../../annotations/checks';
import type { Pack } from '../../annotations/format/types';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import type { IsolatedWorld } from '../e2e/hook-fixtures/isolated';

/** Per model run; a posenet probe at 500 px on the cpu backend of a busy machine can take seconds. */
const RUN_LIMIT_MS = 60_000;

interface WireValue {
  nodeId: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: number[];
}

/** The probe input as JSON the isolated world turns back into the bridge's ProbeInput. */
function wireInput(input: ModelInput): unknown {
  switch (input.type) {
    case 'last-input':
      return { type: 'last-input' };
    case 'tensor':
      return { type: 'tensor', shape: input.shape, values: Array.from(input.values) };
    case 'image':
      return {
        type: 'image',
        width: input.width,
        height: input.height,
        rgba64: Buffer.from(input.rgba.buffer, input.rgba.byteOffset, input.rgba.byteLength).toString(
          'base64',
        ),
        ...(input.normalize ? { normalize: input.normalize } : {}),
      };
  }
}

class WorldProbeRunner implements ModelRunner {
  constructor(
    private readonly world: IsolatedWorld,
    private readonly graph: ModelGraph,
  ) {}

  async run(input: ModelInput, nodeIds: string[], signal: AbortSignal): Promise<NodeValues[]> {
    const ids = nodeIds.length > 0 ? nodeIds : this.graph.outputs.map((o) => o.nodeId);
    if (signal.aborted) throw new Error('Cancelled.');
    const values = await this.world.evaluate<WireValue[]>(`(async () => {
      const api = globalThis[Symbol.for('literate.content-api')];
      const wire = ${JSON.stringify(wireInput(input))};
      let input = wire;
      if (wire.type === 'image') {
        const bytes = Uint8Array.from(atob(wire.rgba64), (c) => c.charCodeAt(0));
        input = { type: 'image', width: wire.width, height: wire.height, rgba: bytes.buffer,
          ...(wire.normalize ? { normalize: wire.normalize } : {}) };
      }
      const values = await api.probe(${JSON.stringify(this.graph.id)}, input, ${JSON.stringify(ids)}, ${RUN_LIMIT_MS});
      return values.map((v) => ({ nodeId: v.nodeId, shape: v.shape, dtype: v.dtype,
        values: Array.from(v.dtype === 'int32' ? new Int32Array(v.buffer) : new Float32Array(v.buffer)) }));
    })()`);
    return ids.map((id) => {
      const v = values.find((x) => x.nodeId === id);
      if (!v) throw new Error(`The page's model returned no value for node ${id}.`);
      return {
        nodeId: id,
        shape: v.shape,
        values: v.dtype === 'int32' ? Int32Array.from(v.values) : Float32Array.from(v.values),
      };
    });
  }
}

/** Pictures as the page sees them: an image URL loaded (CORS-clean) in the page, or a page element drawn. */
class PageImages implements InputSource {
  constructor(private readonly page: Page) {}

  private async read(kind: 'url' | 'element', what: string): Promise<RgbaImage> {
    const got = await this.page.evaluate(
      async ([k, w]) => {
        let source: CanvasImageSource;
        let width: number;
        let height: number;
        if (k === 'url') {
          const img = new Image();
          img.crossOrigin = 'anonymous';
          await new Promise<void>((ok, bad) => {
            img.onload = () => ok();
            img.onerror = () => bad(new Error(`could not load ${w}`));
            img.src = w;
          });
          [source, width, height] = [img, img.naturalWidth, img.naturalHeight];
        } else {
          const found = document.querySelectorAll(w);
          if (found.length !== 1) throw new Error(`${w} matches ${found.length} elements`);
          const el = found[0] as HTMLCanvasElement | HTMLImageElement | HTMLVideoElement;
          source = el;
          width =
            el instanceof HTMLImageElement
              ? el.naturalWidth
              : el instanceof HTMLVideoElement
                ? el.videoWidth
                : el.width;
          height =
            el instanceof HTMLImageElement
              ? el.naturalHeight
              : el instanceof HTMLVideoElement
                ? el.videoHeight
                : el.height;
        }
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [width, height];
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(source, 0, 0, width, height);
        const data = ctx.getImageData(0, 0, width, height).data;
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) {
          binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        }
        return { width, height, rgba64: btoa(binary) };
      },
      [kind, what] as const,
    );
    return {
      width: got.width,
      height: got.height,
      rgba: new Uint8ClampedArray(Buffer.from(got.rgba64, 'base64')),
    };
  }

  image(url: string): Promise<RgbaImage> {
    return this.read('url', url);
  }

  element(selector: string): Promise<RgbaImage> {
    return this.read('element', selector);
  }
}

export async function runPackInPage(
  page: Page,
  world: IsolatedWorld,
  pack: Pack,
  graphOf: ReadonlyMap<string, ModelGraph>,
): Promise<PackRunResult> {
  const runners = new Map<string, ModelRunner>();
  for (const [alias, graph] of graphOf) runners.set(alias, new WorldProbeRunner(world, graph));
  // The weights digest of each pinned model as the page holds it (the hook's 'weights-digest' request). One that
  // cannot be computed stays out: the pin is then reported as not confirmed.
  const weights = new Map<string, WeightsDigestInfo>();
  for (const [alias, graph] of graphOf) {
    if (!pack.targets.models.some((m) => m.alias === alias && m.weightsDigest)) continue;
    const digest = await world
      .evaluate<WeightsDigestInfo>(
        `globalThis[Symbol.for('literate.content-api')].weightsDigest(${JSON.stringify(graph.id)})`,
      )
      .catch((e: unknown) => {
        console.log(
          `  weights digest ${alias}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        );
        return null;
      });
    if (digest) weights.set(alias, digest);
  }
  return runPack(pack, graphOf, runners, new PageImages(page), { timeoutMs: RUN_LIMIT_MS, weights });
}
