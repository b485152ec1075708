// The model's weights digest (model/weights-digest.ts; ONNX: model/onnx/onnx-weights-digest.ts), computed when the
// reader asks: the value a pack's `weightsDigest` pins and `literate weights digest` prints for the model's files.

import { useState } from 'preact/hooks';
import { formatNumber, t } from '../../../extension/ui/i18n';
import { formatBytes } from '../../../extension/ui/format';
import type { ModelGraph } from '../../../model/model-graph';
import type { WeightsDigestInfo } from '../../../model/weights-digest';
import type { ContentApi } from '../../relay/content-api';

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; info: WeightsDigestInfo }
  | { status: 'error'; message: string };

export function WeightsDigestLine({
  api,
  graph,
}: {
  api: Pick<ContentApi, 'weightsDigest'>;
  graph: Pick<ModelGraph, 'id'>;
}) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const compute = (): void => {
    setState({ status: 'busy' });
    api.weightsDigest(graph.id).then(
      (info) => setState({ status: 'done', info }),
      (e: unknown) => setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <section class="weights-digest" aria-labelledby="lt-weights-digest">
      <h4 id="lt-weights-digest">{t('digestTitle')}</h4>
      <p class="muted note">{t('digestHelp')}</p>
      {state.status !== 'done' && (
        <button type="button" onClick={compute} disabled={state.status === 'busy'}>
          {t('digestCompute')}
        </button>
      )}
      <div role="status" aria-live="polite">
        {state.status === 'busy' && <p class="muted">{t('digestComputing')}</p>}
        {state.status === 'done' && (
          <>
            <p>
              <code class="mono digest" data-testid="weights-digest">
                {state.info.digest}
              </code>
            </p>
            <p class="muted note">
              {t(
                'digestCost',
                formatNumber(state.info.weights),
                formatBytes(state.info.bytes),
                formatNumber(Math.round(state.info.ms)),
              )}
              {state.info.skipped > 0 && <> {t('digestSkipped', formatNumber(state.info.skipped))}</>}
            </p>
          </>
        )}
      </div>
      {state.status === 'error' && (
        <p class="state error" role="alert">
          {t('digestFailed', state.message)}
        </p>
      )}
    </section>
  );
}
