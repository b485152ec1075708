// One slow job at a time that the reader started and can stop (Cancel, or Escape inside its section): what state it
// is in and why it failed. A new start, a reset and unmounting abort the job under way.

import { useEffect, useRef, useState } from 'preact/hooks';
import { useEscapeWhile } from './use-escape';

export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface CancellableRun {
  state: RunState;
  error: string | null;
  /** Runs `job` with a signal that aborts on cancel, reset, a newer start or unmount; resolves when it settles. */
  start(job: (signal: AbortSignal) => Promise<unknown>): Promise<void>;
  /** The reader's stop: only while running; the state says so. */
  cancel(): void;
  /** Stops quietly and forgets (the input changed: the old result means nothing). */
  reset(): void;
}

export function useCancellableRun(section: { current: Element | null }): CancellableRun {
  const [state, setState] = useState<RunState>('idle');
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);
  useEffect(() => () => stop.current?.abort(), []);
  const start = async (job: (signal: AbortSignal) => Promise<unknown>) => {
    stop.current?.abort();
    const ctl = new AbortController();
    stop.current = ctl;
    setState('running');
    setError(null);
    try {
      await job(ctl.signal);
      if (!ctl.signal.aborted) setState('done');
    } catch (e) {
      if (ctl.signal.aborted) return;
      setState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const cancel = () => {
    if (state !== 'running') return;
    stop.current?.abort();
    setState('cancelled');
  };
  const reset = () => {
    stop.current?.abort();
    setState('idle');
  };
  useEscapeWhile(state === 'running', section, cancel);
  return { state, error, start, cancel, reset };
}
