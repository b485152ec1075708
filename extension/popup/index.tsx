// The toolbar popup: what Literate found on this tab (models, kind, size, backend), the packs that apply with their
// switches and share link, and "Enable Literate on this site" where it does not run yet.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TabPacksView } from '../../protocol/packs';
import type { TabState } from '../../protocol/runtime';
import { countModels, runtimeLabels } from '../../protocol/runtime';
import { ask } from '../ui/ask';
import { localizeDocument, t, tn } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { targetTabId } from '../ui/tab-query';
import { ModelList } from './model-list';
import { PacksPanel } from './packs-panel';
import { SitePanel } from './site-panel';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; state: TabState; packs: TabPacksView }
  | { status: 'error'; message: string };

function Popup() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const tabId = await targetTabId();
        if (tabId === null) throw new Error(t('popupNoActiveTab'));
        const state = await ask({ type: 'get-tab-state', tabId });
        const packs = await ask({ type: 'get-tab-packs', tabId });
        if (!stopped) {
          setTabId(tabId);
          setLoad({ status: 'ready', state, packs });
        }
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
  }, [tick]);

  return (
    <>
      <h1>
        <img src="icons/icon-32.png" width={20} height={20} alt="" />
        Literate
      </h1>
      {load.status === 'loading' && <p class="muted">{t('popupLookingAtTab')}</p>}
      {load.status === 'error' && (
        <p class="warn" role="alert">
          {t('popupCouldNotRead', load.message)}
        </p>
      )}
      {load.status === 'ready' && <TabSummary state={load.state} />}
      {load.status === 'ready' && tabId !== null && (
        <PacksPanel view={load.packs} tabId={tabId} onChange={() => setTick((t) => t + 1)} />
      )}
      {tabId !== null && <SitePanel tabId={tabId} />}
      <p class="footer">
        <a href="options.html" target="_blank" rel="noreferrer">
          {t('popupManageLink')}
        </a>
      </p>
    </>
  );
}

function TabSummary({ state }: { state: TabState }) {
  const engines = state.frames.flatMap((f) => f.engines);
  const models = state.frames.flatMap((f) => f.models.map((m) => ({ ...m, frameUrl: f.frameUrl })));
  const n = countModels(state);
  const versions = runtimeLabels(state);
  if (versions.length === 0) {
    return <p class="muted">{t('popupNoTfjs')}</p>;
  }
  const late = engines.some((e) => e.late);
  return (
    <>
      <p data-testid="summary">
        <strong>{tn('popupModelsFound', n)}</strong> · <span dir="auto">{versions.join(', ')}</span>
      </p>
      {late && (
        <p class="warn" role="status">
          {t('popupLate')}
        </p>
      )}
      {n === 0 && !late && <p class="muted">{t('popupNoModelYet')}</p>}
      <ModelList models={models} />
    </>
  );
}

localizeDocument();
void applyTheme(document.documentElement);
render(<Popup />, document.getElementById('app')!);
