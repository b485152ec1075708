// The toolbar popup: what Literate found on this tab (models, kind, size, backend).

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import type { BackgroundRequest, TabState } from '../protocol';
import { countModels } from '../protocol';
import { targetTabId } from '../ui/tab-query';
import { ModelList } from './model-list';

type Load =
  { status: 'loading' } | { status: 'ready'; state: TabState } | { status: 'error'; message: string };

function Popup() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const tabId = await targetTabId();
        if (tabId === null) throw new Error('There is no active tab.');
        const request: BackgroundRequest = { type: 'get-tab-state', tabId };
        const state = (await browser.runtime.sendMessage(request)) as TabState;
        if (!stopped) setLoad({ status: 'ready', state });
      } catch (error) {
        if (!stopped)
          setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    };
    void refresh();
    const timer = setInterval(refresh, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <>
      <h1>
        <img src="icons/icon-32.png" width={20} height={20} alt="" />
        Literate
      </h1>
      {load.status === 'loading' && <p class="muted">Looking at this tab…</p>}
      {load.status === 'error' && (
        <p class="warn" role="alert">
          Could not read this tab: {load.message}
        </p>
      )}
      {load.status === 'ready' && <TabSummary state={load.state} />}
    </>
  );
}

function TabSummary({ state }: { state: TabState }) {
  const engines = state.frames.flatMap((f) => f.engines);
  const models = state.frames.flatMap((f) => f.models.map((m) => ({ ...m, frameUrl: f.frameUrl })));
  const n = countModels(state);
  if (engines.length === 0) {
    return <p class="muted">No TensorFlow.js on this page.</p>;
  }
  const late = engines.some((e) => e.late);
  const versions = [...new Set(engines.map((e) => e.tfjsVersion ?? `tf.js ${e.versionClass}`))];
  return (
    <>
      <p data-testid="summary">
        <strong>{n === 1 ? '1 model' : `${n} models`}</strong> found · {versions.join(', ')}
      </p>
      {late && (
        <p class="warn" role="status">
          Literate started after this page loaded tf.js. Reload the page to see models built before.
        </p>
      )}
      {n === 0 && !late && <p class="muted">tf.js is running, but no model has been loaded yet.</p>}
      <ModelList models={models} />
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
