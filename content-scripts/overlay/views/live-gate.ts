// Keeps a live subscription on only while its view is on screen and the tab is visible: the first moment either
// stops, the subscription is aborted (the hook then removes its wrappers). Observers are injected for tests.

export interface GateEnvironment {
  /** Starts observing whether `el` intersects the viewport; returns a stop function. */
  observeIntersection(el: Element, onChange: (visible: boolean) => void): () => void;
  /** Starts observing whether the document is visible; returns a stop function. */
  observePageVisibility(onChange: (visible: boolean) => void): () => void;
  pageVisible(): boolean;
}

export const browserGateEnvironment: GateEnvironment = {
  observeIntersection(el, onChange) {
    const io = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) onChange(last.isIntersecting);
    });
    io.observe(el);
    return () => io.disconnect();
  },
  observePageVisibility(onChange) {
    const handler = () => onChange(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', handler);
    return () => document.removeEventListener('visibilitychange', handler);
  },
  pageVisible: () => document.visibilityState === 'visible',
};

/**
 * Runs `start` (which gets an AbortSignal) whenever `el` becomes visible on a visible page, and aborts that signal
 * when either stops or `signal` aborts. Returns nothing: everything ends with `signal`.
 */
export function gateLive(
  el: Element,
  start: (signal: AbortSignal) => void,
  signal: AbortSignal,
  env: GateEnvironment = browserGateEnvironment,
  onState?: (running: boolean) => void,
): void {
  if (signal.aborted) return;
  let onScreen = false;
  let pageVisible = env.pageVisible();
  let running: AbortController | null = null;
  const update = () => {
    const want = onScreen && pageVisible && !signal.aborted;
    if (want && !running) {
      running = new AbortController();
      onState?.(true);
      start(running.signal);
    } else if (!want && running) {
      running.abort();
      running = null;
      onState?.(false);
    }
  };
  const stopIntersection = env.observeIntersection(el, (v) => {
    onScreen = v;
    update();
  });
  const stopVisibility = env.observePageVisibility((v) => {
    pageVisible = v;
    update();
  });
  signal.addEventListener(
    'abort',
    () => {
      stopIntersection();
      stopVisibility();
      update();
    },
    { once: true },
  );
}
