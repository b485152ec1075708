// @vitest-environment jsdom
// The slow-job state shared by the sensitivity maps: done, failed with the reason, cancelled (the job's signal
// aborts and a late failure is not reported), Escape inside the section stops it, a reset forgets.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useRef } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { useCancellableRun, type CancellableRun } from './use-cancellable-run';

function mount(): { run: () => CancellableRun; section: HTMLElement } {
  let latest: CancellableRun | null = null;
  function Probe() {
    const box = useRef<HTMLElement>(null);
    latest = useCancellableRun(box);
    return <section ref={box} tabIndex={-1} />;
  }
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Probe />, host));
  return { run: () => latest!, section: host.querySelector('section')! };
}

/** A job that waits until told, and records its signal. */
function gate() {
  let settle: (ok: boolean) => void = () => undefined;
  let signal: AbortSignal | null = null;
  const job = (s: AbortSignal) => {
    signal = s;
    return new Promise<void>((resolve, reject) => {
      settle = (ok) => (ok ? resolve() : reject(new Error('the probe timed out')));
    });
  };
  return { job, settle: (ok: boolean) => settle(ok), signal: () => signal };
}

describe('useCancellableRun', () => {
  it('runs to done, or to an error with its reason', async () => {
    const { run } = mount();
    const g = gate();
    let started: Promise<void> = Promise.resolve();
    act(() => void (started = run().start(g.job)));
    expect(run().state).toBe('running');
    await act(async () => {
      g.settle(true);
      await started;
    });
    expect(run().state).toBe('done');
    const bad = gate();
    act(() => void (started = run().start(bad.job)));
    await act(async () => {
      bad.settle(false);
      await started;
    });
    expect(run().state).toBe('error');
    expect(run().error).toBe('the probe timed out');
  });

  it('cancels by Cancel or by Escape inside its section, and a late failure stays unreported', async () => {
    const { run, section } = mount();
    const g = gate();
    let started: Promise<void> = Promise.resolve();
    act(() => void (started = run().start(g.job)));
    act(() => run().cancel());
    expect(g.signal()!.aborted).toBe(true);
    expect(run().state).toBe('cancelled');
    await act(async () => {
      g.settle(false);
      await started;
    });
    expect(run().state).toBe('cancelled');
    expect(run().error).toBeNull();

    const byKey = gate();
    act(() => void run().start(byKey.job));
    act(() => {
      section.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    });
    expect(byKey.signal()!.aborted).toBe(true);
    expect(run().state).toBe('cancelled');
  });

  it('a reset stops the job quietly and a newer start aborts the older', () => {
    const { run } = mount();
    const first = gate();
    const second = gate();
    act(() => void run().start(first.job));
    act(() => void run().start(second.job));
    expect(first.signal()!.aborted).toBe(true);
    expect(second.signal()!.aborted).toBe(false);
    act(() => run().reset());
    expect(second.signal()!.aborted).toBe(true);
    expect(run().state).toBe('idle');
  });
});
