// "Try your own input" for the model shown in the panel: the controls its input calls for (a picture to pick, draw,
// upload and edit; a slider per feature; typed text), the model's answer, and — for pictures — what mattered, and a
// comparison of two inputs. While open, every live view of the model shows the reader's input (ExploreFeed).

import { t } from '../../../extension/ui/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../annotations/checks/types';
import type { ModelGraph } from '../../../model/model-graph';
import { usePackUi } from '../pack/pack-context';
import { Compare } from './compare';
import { useExploreFeed } from './explore-context';
import { ExploreOutputs } from './explore-outputs';
import { PANEL_OWNER, type ExploreInput, type ExploreResult } from './explore-session';
import { featureRanges, observe, type FeatureRange, type Observed } from './feature-ranges';
import { ImageEditor } from './image-editor';
import { applyEdits, NO_EDITS, valuesToImage, type ImageEdits } from './image-edits';
import { ImageSources } from './image-sources';
import {
  guessScale,
  inputKind,
  looksInverted,
  meanBrightness,
  rangeFraction,
  sameScale,
  SCALES,
  type InputScale,
} from './input-kind';
import { Sensitivity } from './sensitivity';
import { isStateOp } from './output-rows';
import { SequenceText } from './sequence-text-input';
import { TokenIdsInput } from './token-ids-input';
import { tokenIdsTensor, tokenIdsToText } from './token-ids';
import { decodeOneHot, encodeSequence, indicesToText } from './sequence-text';
import { parseNumbersFile } from './upload-rules';
import { VectorSliders } from './vector-sliders';
import { useViewsOwner } from './views-owner';

export interface ExplorePanelProps {
  graph: ModelGraph;
  /** The overlay's host element (its canvases are not page pictures). */
  host?: Element | null;
  /** Index → character (or word) for sequence inputs; default: the bound pack's vocabulary for the model. */
  vocabulary?: readonly string[] | null;
}

type Tab = 'input' | 'mattered' | 'compare';

export function ExplorePanel({ graph, host, vocabulary: given }: ExplorePanelProps) {
  const feed = useExploreFeed();
  const session = useMemo(() => feed?.session(graph) ?? null, [feed, graph.id]);
  const kind = useMemo(() => inputKind(graph), [graph]);
  const packSession = usePackUi()?.session;
  const labels = packSession?.labelsFor(graph.id) ?? null;
  const declared = given !== undefined ? given : (packSession?.vocabularyFor(graph.id) ?? null);
  // A vocabulary of another size than the model's one-hot width is not this model's: the reader types indices.
  // Token ids take any vocabulary (index → token): the reader types its words.
  const vocabulary =
    (kind.kind === 'sequence' && declared?.length === kind.vocab) || kind.kind === 'tokens' ? declared : null;
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('input');
  const [result, setResult] = useState<ExploreResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Pictures.
  const [base, setBase] = useState<{ image: RgbaImage; from: string } | null>(null);
  const [edits, setEdits] = useState<ImageEdits>(NO_EDITS);
  const [scale, setScale] = useState<InputScale>(SCALES[0]!);
  /** How light the page's own input is, 0…1 of its range (to read a new picture the way the page does). */
  const pageMean = useRef<number | null>(null);
  // Vectors.
  const [ranges, setRanges] = useState<FeatureRange[] | null>(null);
  const [values, setValues] = useState<number[]>([]);
  /** The reader moved a slider: page calls no longer move them. */
  const touched = useRef(false);
  // Sequences.
  const [text, setText] = useState('');
  /** For a free-length sequence: how many rows the page itself feeds (it pads), so the reader's text is fed alike. */
  const [pageRows, setPageRows] = useState<number | null>(null);

  // Who drives the model's views: this section, a pack's control (the reader moved it), or the page.
  const owner = useViewsOwner(session);
  useEffect(() => {
    if (!session) return;
    const stop = new AbortController();
    session.on((e) => {
      // A pack control's runs drive the views too; this section shows only its own.
      if (session.owner?.id !== PANEL_OWNER.id) {
        setRunning(false);
        return;
      }
      if (e.type === 'running') setRunning(true);
      if (e.type === 'result') {
        setRunning(false);
        setError(null);
        setResult(e.result);
      }
      if (e.type === 'error') {
        setRunning(false);
        setError(e.message);
      }
    }, stop.signal);
    return () => stop.abort();
  }, [session]);
  // Closing the section (or leaving the model) gives the views back to the page (unless a pack control took them).
  useEffect(() => () => session?.release(PANEL_OWNER.id), [session]);

  // On opening: start from the page's own last input (its values also give the slider ranges and picture scale).
  // The hook remembers it only while the model is watched, so the section watches the page's calls while open and
  // asks again after the page's next call when there was none yet.
  useEffect(() => {
    if (!open || !session || kind.kind === 'none') return;
    const stop = new AbortController();
    let have = false;
    let asking = false;
    let seen: Observed | null = null;
    const useLast = (last: Awaited<ReturnType<typeof session.pageInput>>) => {
      if (stop.signal.aborted || !last) return;
      if (kind.kind === 'vector') {
        // Every page call widens the ranges; the sliders stay where the reader put them.
        seen = observe(last.values, kind.features, seen);
        const r = featureRanges(kind.features, null, seen);
        setRanges(r);
        setValues((old) => (touched.current && old.length === kind.features ? old : r.map((x) => x.value)));
        setNotice(null);
        return;
      }
      if (have) return;
      have = true;
      setNotice(null);
      if (kind.kind === 'tokens') setText((t) => t || tokenIdsToText(last.values, vocabulary));
      else if (kind.kind === 'sequence') {
        setText((t) => t || indicesToText(decodeOneHot(last.values, kind.vocab), vocabulary));
        if (kind.steps === null && last.shape.length === 3) setPageRows(last.shape[1] ?? null);
      } else if (kind.kind === 'image') {
        let min = Infinity;
        let max = -Infinity;
        for (const v of last.values) [min, max] = [Math.min(min, v), Math.max(max, v)];
        const guessed = guessScale({ min, max }) ?? SCALES[0]!;
        setScale(guessed);
        pageMean.current = rangeFraction(last.values, guessed);
        const image = valuesToImage(last.values, last.shape, guessed, kind.int32, kind.layout);
        if (image) setBase((b) => b ?? { image, from: t('exLastInputName') });
      }
    };
    const ask = () => {
      if ((have && kind.kind !== 'vector') || asking) return;
      asking = true;
      session.pageInput(stop.signal).then(
        (last) => {
          asking = false;
          useLast(last);
        },
        () => {
          asking = false;
        },
      );
    };
    // Until the page runs the model: sliders over a neutral range, a note for pictures.
    if (kind.kind === 'vector') {
      const r = featureRanges(kind.features, null, null);
      setRanges((old) => old ?? r);
      setValues((old) => (old.length === kind.features ? old : r.map((x) => x.value)));
    }
    if (kind.kind === 'image') setNotice((n) => n ?? t('exWaitingOrPick'));
    session.watchPage(ask, stop.signal);
    ask();
    return () => stop.abort();
  }, [open, session]);

  // The reader's input, as the model gets it.
  const input = useMemo((): ExploreInput | null => {
    if (!open) return null;
    if (kind.kind === 'image' && base)
      return {
        kind: 'image',
        image: applyEdits(base.image, edits),
        normalize: { mean: scale.mean, std: scale.std },
      };
    if (kind.kind === 'vector' && ranges && values.length === kind.features)
      return { kind: 'tensor', shape: [1, kind.features], values: Float32Array.from(values) };
    if (kind.kind === 'tokens') {
      const ids = tokenIdsTensor(text, vocabulary, kind.length);
      return ids && { kind: 'tensor', ...ids };
    }
    if (kind.kind === 'sequence' && text.trim()) {
      const e = encodeSequence(text, kind.vocab, kind.steps ?? pageRows, vocabulary);
      return { kind: 'tensor', shape: e.shape, values: e.values };
    }
    return null;
  }, [open, base, edits, scale, ranges, values, text, vocabulary, pageRows]);
  useEffect(() => {
    if (input) session?.setInput(input, PANEL_OWNER);
    else {
      session?.release(PANEL_OWNER.id);
      setResult(null);
    }
  }, [session, input]);

  if (!session) return null;
  /** A pack control the reader moved drives the views: named here, with the way back to the page. */
  const control = owner && owner.id !== PANEL_OWNER.id ? owner : null;
  const tabs: [Tab, string][] = [
    ['input', t('exTabInput')],
    ...(kind.kind === 'image' ? ([['mattered', t('exTabMattered')]] as [Tab, string][]) : []),
    ['compare', t('exTabCompare')],
  ];
  const from =
    kind.kind === 'image'
      ? (base?.from ?? t('exNothingYet'))
      : kind.kind === 'vector'
        ? t('exTheSliders')
        : t('exYourText');
  return (
    <section class="explore" aria-labelledby="lt-ex-title" data-testid="explore">
      <h4 class="ex-head">
        <button
          type="button"
          id="lt-ex-title"
          class="ex-toggle"
          aria-expanded={open}
          aria-controls="lt-ex-body"
          onClick={() => setOpen(!open)}
        >
          {t('exTry')}
        </button>
        {(open || control) && (
          <span class={`ex-mode${owner ? ' on' : ''}`} data-testid="ex-mode">
            {control ? t('exModeControl', control.label) : owner ? t('exModeYours') : t('exModePage')}
          </span>
        )}
      </h4>
      {control && (
        <p class="ex-follow">
          <button
            type="button"
            class="ex-button"
            data-testid="ex-back-to-page"
            onClick={() => session.release(control.id)}
          >
            {t('exBackToPage')}
          </button>
        </p>
      )}
      {open && (
        <div id="lt-ex-body" class="ex-body">
          {kind.kind === 'none' ? (
            <p class="muted">{t('exNotForModel', kind.reason)}</p>
          ) : (
            <>
              {
                <div class="ex-tabs" role="tablist" aria-label={t('exTabs')}>
                  {tabs.map(([id, name]) => (
                    <button
                      key={id}
                      type="button"
                      role="tab"
                      id={`lt-ex-tab-${id}`}
                      aria-selected={tab === id}
                      aria-controls={`lt-ex-pane-${id}`}
                      tabIndex={tab === id ? 0 : -1}
                      class="ex-tab"
                      onClick={() => setTab(id)}
                      onKeyDown={(e) => {
                        const order = tabs.map(([t]) => t);
                        const i = order.indexOf(tab);
                        const next =
                          e.key === 'ArrowRight'
                            ? order[(i + 1) % order.length]
                            : e.key === 'ArrowLeft'
                              ? order[(i + order.length - 1) % order.length]
                              : null;
                        if (!next) return;
                        e.preventDefault();
                        setTab(next);
                        (
                          e.currentTarget.parentElement?.querySelector(
                            `#lt-ex-tab-${next}`,
                          ) as HTMLElement | null
                        )?.focus();
                      }}
                    >
                      {name}
                    </button>
                  ))}
                </div>
              }
              <div
                id="lt-ex-pane-input"
                role="tabpanel"
                aria-labelledby="lt-ex-tab-input"
                hidden={tab !== 'input'}
              >
                {
                  <>
                    {kind.kind === 'image' && (
                      <>
                        <ImageSources
                          session={session}
                          kind={kind}
                          scale={scale}
                          host={host ?? null}
                          onImage={(image, source) => {
                            // A picture lit the other way round from the page's own input is read inverted.
                            if (
                              pageMean.current !== null &&
                              (sameScale(scale, SCALES[0]!) || sameScale(scale, SCALES[3]!))
                            )
                              setScale(
                                looksInverted(pageMean.current, meanBrightness(image.rgba))
                                  ? SCALES[3]!
                                  : SCALES[0]!,
                              );
                            setNotice(null);
                            setError(null);
                            setEdits(NO_EDITS);
                            setBase({ image, from: source });
                          }}
                          onObserved={(r) => setScale(guessScale(r) ?? scale)}
                          onError={(m) => setNotice(m)}
                        />
                        <label class="ex-select">
                          <span>{t('exPixelScale')}</span>
                          <select
                            value={SCALES.findIndex((s) => sameScale(s, scale))}
                            onChange={(e) =>
                              setScale(SCALES[Number((e.currentTarget as HTMLSelectElement).value)]!)
                            }
                          >
                            {SCALES.map((s, i) => (
                              <option key={i} value={i}>
                                {s.label}
                              </option>
                            ))}
                          </select>
                        </label>
                        {base && (
                          <ImageEditor
                            image={base.image}
                            edits={edits}
                            onEdits={setEdits}
                            label={base.from}
                          />
                        )}
                      </>
                    )}
                    {kind.kind === 'vector' && ranges && (
                      <>
                        <VectorSliders
                          ranges={ranges}
                          values={values}
                          onValues={(v) => {
                            touched.current = true;
                            setValues(v);
                          }}
                        />
                        <NumbersUpload
                          expected={kind.features}
                          shape={graph.inputs[0]?.shape ?? [null, kind.features]}
                          onNumbers={(v) => {
                            touched.current = true;
                            setValues(v);
                          }}
                          onError={setNotice}
                        />
                      </>
                    )}
                    {kind.kind === 'tokens' && (
                      <TokenIdsInput
                        vocabulary={vocabulary}
                        length={kind.length}
                        companions={graph.inputs.slice(1).map((i) => i.name)}
                        text={text}
                        onText={setText}
                      />
                    )}
                    {kind.kind === 'sequence' && (
                      <SequenceText
                        vocab={kind.vocab}
                        steps={kind.steps ?? pageRows}
                        vocabulary={vocabulary}
                        text={text}
                        onText={setText}
                      />
                    )}
                  </>
                }
              </div>
              {kind.kind === 'image' && (
                <div
                  id="lt-ex-pane-mattered"
                  role="tabpanel"
                  aria-labelledby="lt-ex-tab-mattered"
                  hidden={tab !== 'mattered'}
                >
                  {input?.kind === 'image' && (
                    <Sensitivity
                      session={session}
                      image={input.image}
                      normalize={input.normalize}
                      labels={labels}
                      gradients={graph.runtime !== 'onnx'}
                    />
                  )}
                  {!input && <p class="muted">{t('exChooseFirst')}</p>}
                </div>
              )}
              <div
                id="lt-ex-pane-compare"
                role="tabpanel"
                aria-labelledby="lt-ex-tab-compare"
                hidden={tab !== 'compare'}
              >
                {
                  <Compare
                    session={session}
                    graph={graph}
                    current={input}
                    currentName={from}
                    labels={labels}
                  />
                }
              </div>
              {notice && (
                <p class="ex-error" role="alert">
                  {notice}
                </p>
              )}
              <div class="ex-result" aria-live="polite" aria-busy={running}>
                {error && <p class="ex-error">{t('exCouldNotRun', error)}</p>}
                {result && input && tab === 'input' && (
                  <>
                    <ExploreOutputs
                      outputs={result.outputs}
                      labels={labels}
                      title={t('exOutputTitle')}
                      units={isStateOp(graph.nodes.find((n) => n.id === result.outputs[0]?.nodeId)?.op)}
                    />
                    <p class="muted num" data-testid="ex-cost">
                      {t('exCost', result.run, Math.round(result.ms))}
                      {running ? t('exRunningSuffix') : ''}
                    </p>
                  </>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function NumbersUpload({
  expected,
  shape,
  onNumbers,
  onError,
}: {
  expected: number;
  shape: readonly (number | null)[];
  onNumbers(values: number[]): void;
  onError(message: string | null): void;
}) {
  return (
    <label class="ex-select">
      <span>{t('exLoadFile')}</span>
      <input
        type="file"
        accept=".csv,.json,.txt,text/csv,application/json,text/plain"
        onChange={async (e) => {
          const input = e.currentTarget as HTMLInputElement;
          const f = input.files?.[0];
          input.value = '';
          if (!f) return;
          const text = f.size <= 20 * 1024 * 1024 ? await f.text() : '';
          const parsed = parseNumbersFile(f, text, expected, shape);
          if (typeof parsed === 'string') onError(parsed);
          else {
            onError(null);
            onNumbers(parsed);
          }
        }}
      />
    </label>
  );
}
