// One model's "your input" state in the overlay: runs the reader's input through the page's model with the probe
// (debounced, one in flight, latest wins), tells listeners, and answers one-off probes for sensitivity maps and
// comparisons. The probe is the only way in: it never touches the page's own calls, outputs or tensor count.

import { t } from '../../../extension/ui/i18n';
import type { ModelInput, NodeValues, RgbaImage } from '../../../annotations/checks/types';
import type { Normalize } from '../../../model/image-input';
import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { fromProbeValues, toProbeInput } from '../run/probe-input';
import { LatestWins } from './latest-wins';

/** What the reader feeds the model: a picture (resized and scaled by the probe) or values of the input's shape. */
export type ExploreInput =
  | { kind: 'image'; image: RgbaImage; normalize: Normalize }
  | { kind: 'tensor'; shape: number[]; values: Float32Array };

export interface ExploreResult {
  input: ExploreInput;
  /** The model's outputs, in graph.outputs order. */
  outputs: NodeValues[];
  /** Every value read, by node id (outputs and the nodes open views asked for). */
  nodes: Map<string, NodeValues>;
  /** Wall time of this run, ms. */
  ms: number;
  /** Runs of the reader's input so far. */
  run: number;
  /** Who gave this input: the panel's "Try your own input" or a pack's control. */
  owner: InputOwner;
}

/** Who drives the views of a model: the panel's "Try your own input", or a pack's control (named to the reader). */
export interface InputOwner {
  id: string;
  /** What the reader sees it called ("Patch position"); empty for the panel. */
  label: string;
}

/** The panel's "Try your own input". */
export const PANEL_OWNER: InputOwner = Object.freeze({ id: 'panel', label: '' });

export type ExploreEvent =
  | { type: 'running' }
  | { type: 'result'; result: ExploreResult }
  | { type: 'error'; message: string }
  | { type: 'mode'; mode: 'page' | 'yours'; owner: InputOwner | null };

/** Longest one probe may take. */
export const EXPLORE_PROBE_MS = 15_000;
/** Gathers a drag into one run. */
export const DEBOUNCE_MS = 40;

export function toModelInput(input: ExploreInput): ModelInput {
  return input.kind === 'image'
    ? {
        type: 'image',
        width: input.image.width,
        height: input.image.height,
        rgba: input.image.rgba,
        normalize: input.normalize,
      }
    : { type: 'tensor', shape: input.shape, values: input.values };
}

function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : t('exProbeFailed');
}

export class ExploreSession {
  private listeners = new Set<(e: ExploreEvent) => void>();
  private current: ExploreInput | null = null;
  private currentOwner: InputOwner | null = null;
  private readonly runner: LatestWins<ExploreInput, ExploreResult>;
  /** Nodes open views want besides the outputs (kept by the feed). */
  private extra: () => string[] = () => [];
  private runs = 0;
  last: ExploreResult | null = null;

  constructor(
    private readonly api: Pick<ContentApi, 'probe' | 'subscribe'>,
    readonly graph: Pick<ModelGraph, 'id' | 'outputs' | 'inputs'>,
  ) {
    this.runner = new LatestWins(
      (input) => this.runOnce(input),
      (input, result, error) => {
        if (input !== this.current) return;
        if (result) {
          this.last = { ...result, owner: this.currentOwner ?? PANEL_OWNER };
          this.emit({ type: 'result', result });
        } else this.emit({ type: 'error', message: messageOf(error) });
      },
      { debounceMs: DEBOUNCE_MS },
    );
  }

  /** 'yours' while the reader's input drives the views; 'page' when they follow the page's own calls. */
  get mode(): 'page' | 'yours' {
    return this.current ? 'yours' : 'page';
  }

  get input(): ExploreInput | null {
    return this.current;
  }

  /** Who drives the views now (null: the page). */
  get owner(): InputOwner | null {
    return this.current ? this.currentOwner : null;
  }

  /** Listens until `signal` aborts. */
  on(listener: (e: ExploreEvent) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  /**
   * The reader's input (runs it soon) from `owner` (the latest owner drives the views), or null to give the views
   * back to the page.
   */
  setInput(input: ExploreInput | null, owner: InputOwner = PANEL_OWNER): void {
    const before = this.mode;
    const ownerBefore = this.owner?.id;
    this.current = input;
    this.currentOwner = input ? owner : null;
    if (input) {
      this.emit({ type: 'running' });
      this.runner.request(input);
    } else {
      this.runner.cancel();
      this.last = null;
    }
    if (this.mode !== before || this.owner?.id !== ownerBefore)
      this.emit({ type: 'mode', mode: this.mode, owner: this.owner });
  }

  /** Gives the views back to the page if `ownerId` still drives them (another owner that took over keeps them). */
  release(ownerId: string): void {
    if (this.owner?.id === ownerId) this.setInput(null);
  }

  /** Runs the current input again (a view opened and needs its node). */
  refresh(): void {
    if (this.current) this.runner.request(this.current);
  }

  /** Called by the feed: which nodes open views want. */
  setExtraNodes(extra: () => string[]): void {
    this.extra = extra;
  }

  /**
   * One run of any input, outside the reader's stream (sensitivity maps, comparisons): values of `nodeIds` (the
   * outputs when empty). Rejects with 'Cancelled.' as soon as `signal` aborts.
   */
  async probe(
    input: ExploreInput,
    nodeIds: string[] = [],
    signal?: AbortSignal,
  ): Promise<Map<string, NodeValues>> {
    const ids = nodeIds.length > 0 ? nodeIds : this.graph.outputs.map((o) => o.nodeId);
    if (signal?.aborted) throw new Error('Cancelled.');
    const { input: probeInput } = toProbeInput(toModelInput(input), this.graph);
    const asked = this.api.probe(this.graph.id, probeInput, ids, EXPLORE_PROBE_MS);
    const values = await (signal
      ? new Promise<Awaited<typeof asked>>((resolve, reject) => {
          const stop = () => reject(new Error('Cancelled.'));
          signal.addEventListener('abort', stop, { once: true });
          asked.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
        })
      : asked);
    return new Map(fromProbeValues(values, ids).map((v) => [v.nodeId, v]));
  }

  /**
   * Calls `onCall` after the page's own calls to the model until `signal` aborts (at most twice a second). While
   * it watches, the hook remembers the page's last input, so pageInput() has one to give once the page has run.
   */
  watchPage(onCall: () => void, signal: AbortSignal): void {
    const output = this.graph.outputs[0]?.nodeId;
    if (!output) return;
    this.api.subscribe(
      this.graph.id,
      [{ nodeId: output, reduction: 'channel-mean' }],
      { maxInFlight: 1, bytesPerSecond: 64 * 1024, hz: 2 },
      () => onCall(),
      signal,
    );
  }

  /** The page's own last input to the model, as values (null when the page has not run it since it was watched). */
  async pageInput(signal?: AbortSignal): Promise<NodeValues | null> {
    const inputId = this.graph.inputs[0]?.nodeId;
    if (!inputId) return null;
    const values = await this.api.probe(this.graph.id, { type: 'last-input' }, [inputId], EXPLORE_PROBE_MS);
    if (signal?.aborted) throw new Error('Cancelled.');
    return fromProbeValues(values, [inputId])[0] ?? null;
  }

  private async runOnce(input: ExploreInput): Promise<ExploreResult> {
    const outputs = this.graph.outputs.map((o) => o.nodeId);
    const ids = [...new Set([...outputs, ...this.extra()])];
    const t0 = performance.now();
    let nodes: Map<string, NodeValues>;
    try {
      nodes = await this.probe(input, ids);
    } catch (e) {
      // A view's node the probe cannot read must not cost the reader the output: retry with the outputs alone.
      if (ids.length === outputs.length) throw e;
      nodes = await this.probe(input, outputs);
    }
    const ms = performance.now() - t0;
    return {
      input,
      outputs: outputs.map((id) => nodes.get(id)!).filter(Boolean),
      nodes,
      ms,
      run: ++this.runs,
      owner: this.currentOwner ?? PANEL_OWNER,
    };
  }

  private emit(e: ExploreEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {}
    }
  }
}
