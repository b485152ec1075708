// The page's ONNX Runtime Web sessions: ids ('o1', …), summaries, and what each was created from. Sessions are held
// weakly (through their handler); bytes the page passed are kept (up to a bound) so that a session created before
// the overlay opened can still be described; a URL is kept as text and fetched again only when a reader asks.

import type { ModelSummary, Shape } from '../../../model/model-graph';
import { ONNX_MAX_MODEL_BYTES, type OnnxModelSource } from '../../../protocol/bridge';
import { pageGlobals, read, safely } from '../page-globals';
import { ortVersion, type OrtSessionFound } from './ort-trap';

export interface OnnxSession {
  id: string;
  ref: { deref(): object | undefined };
  summary: ModelSummary;
  url: string | null;
  /** The bytes the page passed: strongly held up to KEEP_BYTES in all, weakly beyond (then the page decides). */
  bytes: { deref(): Uint8Array | undefined } | null;
  executionProvider: string;
  /** Shapes of inputs and outputs from the page's first call after a describe asked for them. */
  liveShapes: Map<string, number[]>;
}

const MAX_SESSIONS = 64;
/** Sessions from fewer bytes than this are op helpers, not models (see `add`). */
export const HELPER_BYTES = 1024;
/** Bytes of page-passed models kept strongly, all sessions together (the page may drop its copy after create). */
const KEEP_BYTES = 256 * 1024 * 1024;

function weakly<T extends object>(o: T): { deref(): T | undefined } {
  const W = pageGlobals.WeakRef;
  return W ? (new W(o) as { deref(): T | undefined }) : { deref: () => o };
}

function fileName(url: string | null): string {
  if (!url) return 'ONNX model';
  const last = url.split(/[?#]/)[0]!.split('/').pop();
  return safely(() => decodeURIComponent(last || ''), last || '') || 'ONNX model';
}

function resolveUrl(path: string): string {
  return safely(() => new URL(path, pageGlobals.location?.href).href, path).slice(0, 4096);
}

export class OnnxSessions {
  readonly sessions: OnnxSession[] = [];
  private kept = 0;
  private readonly byHandler = new pageGlobals.WeakMap<object, OnnxSession>();

  add(found: OrtSessionFound): OnnxSession | null {
    if (this.sessions.length >= MAX_SESSIONS || this.byHandler.has(found.handler)) return null;
    // A graph of a few hundred bytes built in code is a library's tensor-op helper (transformers.js runs its
    // interpolate, top-k … as tiny ONNX sessions), not a model a reader came to see.
    if (found.source instanceof pageGlobals.Uint8Array && found.source.byteLength < HELPER_BYTES) return null;
    const url = typeof found.source === 'string' ? resolveUrl(found.source) : null;
    let bytes: OnnxSession['bytes'] = null;
    if (found.source instanceof pageGlobals.Uint8Array) {
      const source = found.source;
      const size = source.byteLength;
      if (this.kept + size <= KEEP_BYTES) {
        this.kept += size;
        bytes = { deref: () => source };
      } else bytes = weakly(source);
    }
    const executionProvider = found.executionProviders[0] ?? 'wasm';
    const id = `o${this.sessions.length + 1}`;
    const session: OnnxSession = {
      id,
      ref: weakly(found.handler),
      url,
      bytes,
      executionProvider,
      liveShapes: new pageGlobals.Map(),
      summary: {
        id,
        kind: 'graph',
        name: fileName(url),
        sourceUrl: url,
        nodes: 0,
        params: 0,
        backend: executionProvider,
        runtime: 'onnx',
        runtimeVersion: ortVersion(),
      },
    };
    this.byHandler.set(found.handler, session);
    this.sessions.push(session);
    return session;
  }

  byId(id: string): OnnxSession | undefined {
    return this.sessions.find((s) => s.id === id);
  }

  /** Summaries as they stand now (the version may have become readable since). */
  summaries(): ModelSummary[] {
    return this.sessions.map((s) => {
      if (!s.summary.runtimeVersion) s.summary.runtimeVersion = ortVersion();
      return { ...s.summary };
    });
  }

  /** Input and output names, as ORT reports them (bounded). */
  names(session: OnnxSession): { inputs: string[]; outputs: string[] } {
    const handler = session.ref.deref();
    const list = (key: string): string[] =>
      safely(() => {
        const v = read(handler, key);
        if (!pageGlobals.isArray(v)) return [];
        const out: string[] = [];
        for (let i = 0; i < v.length && i < 256; i++) if (typeof v[i] === 'string') out.push(v[i] as string);
        return out;
      }, []);
    return { inputs: list('inputNames'), outputs: list('outputNames') };
  }

  /** A copy of the session's model bytes (passed, or fetched again from its URL), for the content script to parse. */
  async source(session: OnnxSession): Promise<OnnxModelSource> {
    const passed = session.bytes?.deref();
    let bytes: ArrayBuffer;
    if (passed) {
      if (passed.byteLength > ONNX_MAX_MODEL_BYTES) throw new Error('the model is too big to describe here');
      bytes = new pageGlobals.Uint8Array(passed).buffer as ArrayBuffer;
    } else if (session.url) {
      bytes = await fetchModel(session.url);
    } else {
      throw new Error(
        session.bytes
          ? 'the page let go of the model bytes it created this session from, so Literate cannot read the model'
          : 'this session was not created from bytes or a URL Literate could read',
      );
    }
    const liveShapes: { name: string; shape: Shape & number[] }[] = [];
    for (const [name, shape] of session.liveShapes) liveShapes.push({ name, shape });
    return {
      bytes,
      url: session.url,
      origin: session.url ? 'http' : 'memory',
      executionProvider: session.executionProvider,
      runtimeVersion: session.summary.runtimeVersion ?? ortVersion(),
      liveShapes,
    };
  }
}

/**
 * The model file again, from the URL the page created the session from (the page's own request: ORT fetched it for
 * the page, so it is the page's origin and usually in its HTTP cache). Only on a reader's describe.
 */
async function fetchModel(url: string): Promise<ArrayBuffer> {
  const f = pageGlobals.fetch;
  if (!f) throw new Error('this page cannot fetch');
  const response = await f(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`loading the model again from ${url} failed (HTTP ${response.status})`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > ONNX_MAX_MODEL_BYTES) throw new Error('the model is too big to describe here');
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength > ONNX_MAX_MODEL_BYTES) throw new Error('the model is too big to describe here');
  return buffer;
}
