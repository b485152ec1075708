// Drives the extension's content-script world of a page over CDP (Playwright has no API for it), so tests use the
// real ContentApi — subscribe, probe, readWeights — through the real bridge into the hook.

import type { Frame, Page } from 'playwright-core';

export interface IsolatedWorld {
  /** Evaluates an expression (may await) in the extension's world of the frame; returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface ContextInfo {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/** The extension's isolated world in `frame` (the main frame by default). */
export async function isolatedWorld(page: Page, extensionId: string, frame?: Frame): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ContextInfo[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ContextInfo }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string; url: string }; childFrames?: unknown[] };
  };
  let frameId = frameTree.frame.id;
  if (frame && frame !== page.mainFrame()) {
    const walk = (t: { frame: { id: string; url: string }; childFrames?: unknown[] }): string | null => {
      if (t.frame.url === frame.url() && t.frame.id !== frameTree.frame.id) return t.frame.id;
      for (const c of (t.childFrames ?? []) as (typeof t)[]) {
        const hit = walk(c);
        if (hit) return hit;
      }
      return null;
    };
    frameId = walk(frameTree) ?? frameId;
  }
  const find = (): ContextInfo | undefined =>
    contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' && c.origin.includes(extensionId) && c.auxData?.frameId === frameId,
    );
  const end = Date.now() + 10_000;
  while (!find() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  const context = find();
  if (!context) throw new Error('No content-script world found in the frame');
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const r = (await cdp.send('Runtime.evaluate', {
        expression,
        contextId: context.id,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: T };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (r.exceptionDetails) {
        throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      }
      return r.result.value as T;
    },
    close: () => cdp.detach(),
  };
}

/** Installs a small recorder in the world: `__t.subscribe(...)` keeps a summary of every frame that arrives. */
export const RECORDER = `(() => {
  if (globalThis.__t) return true;
  const api = globalThis[Symbol.for('literate.content-api')];
  const t = { frames: [], ended: [], controllers: {} };
  t.api = api;
  // The last model of that name (a model loaded back from storage keeps the name of the one saved).
  t.modelId = (name) => (api.snapshot().models.filter((m) => m.name === name).pop() || {}).id || null;
  // light: count frames only (the benchmark), so the recorder's own work does not weigh on the page's timings.
  t.subscribe = (key, modelId, taps, budget, light) => {
    const c = new AbortController();
    t.controllers[key] = c;
    api.subscribe(modelId, taps, budget, (f) => {
      if (light) return void t.frames.push({ key, nodeId: f.nodeId });
      const values = f.dtype === 'int32' ? new Int32Array(f.buffer) : new Float32Array(f.buffer);
      t.frames.push({ key, nodeId: f.nodeId, shape: f.shape, sourceShape: f.sourceShape, reduction: f.reduction,
        call: f.call, bytes: f.buffer.byteLength, first: values[0], finite: values.every(Number.isFinite) });
    }, c.signal, (reason) => t.ended.push({ key, reason }));
    return true;
  };
  t.unsubscribe = (key) => { t.controllers[key]?.abort(); delete t.controllers[key]; return true; };
  globalThis.__t = t;
  return !!api;
})()`;
