// Which models the page is calling now, so the panel opens on one of them rather than on a model the page loaded
// and no longer runs. Only while the panel is open on no model the reader chose, and for a moment: one small tap on
// each held model's output; the page's own next calls say which are running. Then every tap is removed.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModelSummary } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';

/** How long to watch at most, and how long after the first call to wait for the others (a loop calls them all). */
const WATCH_MS = 3000;
const AFTER_FIRST_MS = 600;
const BUDGET = { maxInFlight: 1, bytesPerSecond: 1 << 16, hz: 4 };

/** Models the page may call: the ones it still holds (an explanation's pin does not stop the page calling it). */
export const callable = (m: ModelSummary): boolean => m.hold === undefined || m.hold === 'pinned';

/** The ids of the models the page called while watched, in the order of their first call; [] until known. */
export function useCalledModels(api: ContentApi, models: readonly ModelSummary[], watch: boolean): string[] {
  const key = models
    .filter(callable)
    .map((m) => m.id)
    .join('\n');
  const [called, setCalled] = useState<string[]>([]);
  // One watch per opening of the panel: once it has ended, a model held or let go later does not start another (the
  // panel would move under a reader who is reading it).
  const settled = useRef(false);
  useEffect(() => {
    if (!watch) settled.current = false;
  }, [watch]);
  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    // One model, or none: nothing to choose between.
    if (!watch || ids.length < 2 || settled.current) return;
    const stop = new AbortController();
    const seen: string[] = [];
    const settle = () => {
      settled.current = true;
      stop.abort();
    };
    let end = setTimeout(settle, WATCH_MS);
    const onCall = (id: string) => {
      if (stop.signal.aborted || seen.includes(id)) return;
      seen.push(id);
      setCalled([...seen]);
      if (seen.length === ids.length) settle();
      else if (seen.length === 1) {
        clearTimeout(end);
        end = setTimeout(settle, AFTER_FIRST_MS);
      }
    };
    for (const id of ids)
      api
        .describe(id)
        .then((graph) => {
          const output = graph.outputs[0]?.nodeId;
          if (!output || stop.signal.aborted) return;
          api.subscribe(
            id,
            [{ nodeId: output, reduction: 'channel-mean' }],
            BUDGET,
            () => onCall(id),
            stop.signal,
          );
        })
        .catch(() => undefined);
    return () => {
      clearTimeout(end);
      stop.abort();
    };
  }, [api, key, watch]);
  return called;
}

/**
 * The model the panel opens on when the reader chose none: the usual default when the page is calling it (or
 * nothing is known yet), else the first model the page was seen calling.
 */
export function openingModel(
  fallback: ModelSummary | null,
  models: readonly ModelSummary[],
  called: readonly string[],
): ModelSummary | null {
  if (!called.length || (fallback && called.includes(fallback.id))) return fallback;
  return models.find((m) => m.id === called[0]) ?? fallback;
}
