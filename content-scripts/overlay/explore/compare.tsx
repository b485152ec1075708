// Compare: two inputs side by side — their outputs, and, layer by layer, how far their activations part (relative
// L2 distance as a bar per layer, cosine similarity in the table), so the reader sees where the model tells them apart.

import { formatNumber, t } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NodeValues } from '../../../annotations/checks/types';
import type { ModelGraph } from '../../../model/model-graph';
import { putPixels } from '../views/canvas';
import { MAX_EXTRA_OUTPUTS } from '../../../model/onnx/extra-outputs';
import { compareNodes, MAX_COMPARE } from './compare-nodes';
import { layerDiffs, partingPoint, type LayerDiff } from './diff-metrics';
import type { ExploreInput, ExploreSession } from './explore-session';
import { ExploreOutputs } from './explore-outputs';
import { useEscapeWhile } from './use-escape';

const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

export interface CompareProps {
  session: ExploreSession;
  graph: ModelGraph;
  /** The reader's current input (what "Set A" / "Set B" take). */
  current: ExploreInput | null;
  /** What the current input is, in words ("your drawing"). */
  currentName: string;
  labels: readonly string[] | null;
}

interface Slot {
  input: ExploreInput;
  name: string;
}

/** Reads many nodes, in chunks when one run of all fails (a node the probe cannot read is left out). */
async function readNodes(
  session: ExploreSession,
  input: ExploreInput,
  ids: string[],
  signal: AbortSignal,
): Promise<Map<string, NodeValues>> {
  try {
    return await session.probe(input, ids, signal);
  } catch (e) {
    if (signal.aborted || ids.length <= 1) throw e;
    const out = new Map<string, NodeValues>();
    for (let i = 0; i < ids.length; i += 16) {
      try {
        for (const [k, v] of await session.probe(input, ids.slice(i, i + 16), signal)) out.set(k, v);
      } catch {
        if (signal.aborted) throw new Error('Cancelled.');
      }
    }
    return out;
  }
}

function Thumb({ slot }: { slot: Slot }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current && slot.input.kind === 'image')
      putPixels(canvas.current, slot.input.image.width, slot.input.image.height, slot.input.image.rgba);
  }, [slot]);
  if (slot.input.kind !== 'image') return null;
  return <canvas ref={canvas} class="pixelated ex-thumb" role="img" aria-label={slot.name} />;
}

export function Compare({ session, graph, current, currentName, labels }: CompareProps) {
  const [a, setA] = useState<Slot | null>(null);
  const [b, setB] = useState<Slot | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'error'>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<{
    diffs: LayerDiff[];
    outA: NodeValues[];
    outB: NodeValues[];
    ms: number;
  } | null>(null);
  const stop = useRef<AbortController | null>(null);
  const box = useRef<HTMLElement>(null);
  // An ONNX session's inner values come from one side session with at most MAX_EXTRA_OUTPUTS extra outputs.
  const ids = useMemo(
    () => compareNodes(graph, graph.runtime === 'onnx' ? MAX_EXTRA_OUTPUTS : MAX_COMPARE),
    [graph],
  );
  useEffect(() => () => stop.current?.abort(), []);

  const run = async () => {
    if (!a || !b) return;
    stop.current?.abort();
    const ctl = new AbortController();
    stop.current = ctl;
    setState('running');
    setMessage(null);
    const t0 = performance.now();
    try {
      const outputs = graph.outputs.map((o) => o.nodeId);
      const wanted = [...new Set([...ids, ...outputs])];
      const va = await readNodes(session, a.input, wanted, ctl.signal);
      const vb = await readNodes(session, b.input, wanted, ctl.signal);
      const diffs = layerDiffs(
        ids,
        new Map([...va].map(([k, v]) => [k, v.values])),
        new Map([...vb].map(([k, v]) => [k, v.values])),
      );
      setResult({
        diffs,
        outA: outputs.map((id) => va.get(id)!).filter(Boolean),
        outB: outputs.map((id) => vb.get(id)!).filter(Boolean),
        ms: performance.now() - t0,
      });
      setState('done');
    } catch (e) {
      if (ctl.signal.aborted) return;
      setState('error');
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  useEscapeWhile(state === 'running', box, () => {
    stop.current?.abort();
    setState('idle');
  });

  const parting = result ? partingPoint(result.diffs) : null;
  const peak = result ? Math.max(1e-9, ...result.diffs.map((d) => d.relL2)) : 1;
  return (
    <section class="ex-section" aria-labelledby="lt-ex-cmp" ref={box}>
      <h5 id="lt-ex-cmp">{t('exCompare')}</h5>
      <div class="ex-row">
        <button
          type="button"
          class="ex-button"
          disabled={!current}
          onClick={() => current && setA({ input: current, name: `A: ${currentName}` })}
        >
          {t('exSetA')}
        </button>
        <button
          type="button"
          class="ex-button"
          disabled={!current}
          onClick={() => current && setB({ input: current, name: `B: ${currentName}` })}
        >
          {t('exSetB')}
        </button>
        <button
          type="button"
          class="ex-button primary"
          disabled={!a || !b || state === 'running'}
          onClick={() => void run()}
        >
          {t('exCompareAB')}
        </button>
        {state === 'running' && (
          <button
            type="button"
            class="ex-button"
            onClick={() => {
              stop.current?.abort();
              setState('idle');
            }}
          >
            {t('exCancel')}
          </button>
        )}
      </div>
      <p class="muted">
        {a ? a.name : t('exANotSet')} · {b ? b.name : t('exBNotSet')}
      </p>
      <div role="status" class="ex-status" data-testid="ex-cmp-status">
        {state === 'running' && (
          <>
            <progress aria-label={t('exComparing')} />
            <span>{t('exRunningAB', ids.length)}</span>
          </>
        )}
        {state === 'done' && result && (
          <span>
            {parting
              ? t('exPartAt', parting.nodeId, formatNumber(parting.relL2, TWO_DECIMALS))
              : t('exStayClose')}{' '}
            {t('exComparedIn', result.diffs.length, formatNumber(result.ms / 1000, ONE_DECIMAL))}
          </span>
        )}
        {state === 'error' && <span class="ex-error">{t('exCompareStopped', message ?? '')}</span>}
      </div>
      {result && a && b && (
        <>
          <div class="ex-pair">
            <div>
              <Thumb slot={a} />
              <ExploreOutputs outputs={result.outA} labels={labels} k={3} title="A" />
            </div>
            <div>
              <Thumb slot={b} />
              <ExploreOutputs outputs={result.outB} labels={labels} k={3} title="B" />
            </div>
          </div>
          <figure class="ex-diff">
            <figcaption class="ex-sub">{t('exWherePart')}</figcaption>
            <ol class="ex-diff-bars" data-testid="ex-diff">
              {result.diffs.map((d) => (
                <li key={d.nodeId} data-parting={parting?.nodeId === d.nodeId ? '' : undefined}>
                  <span class="ex-diff-name" title={d.nodeId}>
                    {d.nodeId}
                  </span>
                  <span class="ex-diff-bar" aria-hidden="true">
                    <span style={{ width: `${(d.relL2 / peak) * 100}%` }} />
                  </span>
                  <span class="num">
                    {formatNumber(d.relL2, TWO_DECIMALS)}
                    <span class="muted">
                      {' '}
                      · cos {Number.isNaN(d.cosine) ? '–' : formatNumber(d.cosine, TWO_DECIMALS)}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          </figure>
        </>
      )}
    </section>
  );
}
