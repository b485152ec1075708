// The MAIN-world hook's entry (document_start, all frames): wires discovery, describe and the page end of the bridge.
// Pages without tf.js pay for one accessor and two one-shot property traps; nothing is wrapped until tf.js appears.

import type { EngineInfo, PageSnapshot } from '../../protocol/bridge';
import type { ContentMessage, GradientMap, ProbeValue } from '../../protocol/bridge';
import { engineBackendName, engineVersionClass, globalTfVersion, trapEngine } from './engine-trap';
import { captureModelJson, type FetchedModelJson } from './model-json-capture';
import { ModelRegistry, type LiveModel } from './model-registry';
import { disposeModel, reloadModel } from './reload';
import { trapModelConstructors } from './model-traps';
import { PageBridge } from './page-bridge';
import { describeLiveModel } from './describe-live';
import { later, pageGlobals, safely } from './page-globals';
import { learnShapesIfAsked } from './tap/live-shapes';
import { TapManager } from './tap/tap-manager';
import { captureWouldDisturb } from './tensor-ops';
import { answerGradient, answerProbe, answerWeights, answerWeightsDigest } from './requests';
import { OnnxSessions } from './onnx/onnx-sessions';
import { OnnxTaps } from './onnx/onnx-taps';
import { InnerRunner } from './onnx/onnx-inner';
import type { OnnxSession } from './onnx/onnx-sessions';
import { trapOrtSessions } from './onnx/ort-trap';
import { runOnnxProbe } from './probe/onnx-probe';

const INSTALLED = Symbol.for('literate.hook');
/** How long a side handler made for the reader's probes is kept after the last one (the next comes soon). */
const PROBE_HANDLER_KEEP_MS = 30_000;

interface Engine {
  id: string;
  object: object;
  late: boolean;
}

function install(): void {
  const engines: Engine[] = [];
  const onnx = new OnnxSessions();
  const fetched: FetchedModelJson[] = [];
  const registry = new ModelRegistry(
    fetched,
    () => (engines[0] ? engineBackendName(engines[0].object) : null),
    (model) => bridge.send({ kind: 'model', model: { ...model.summary } }),
  );
  let lastBackend: string | null = null;

  const engineInfo = (e: Engine): EngineInfo => ({
    id: e.id,
    backend: engineBackendName(e.object),
    tfjsVersion: globalTfVersion(),
    versionClass: engineVersionClass(e.object),
    late: e.late,
  });

  const snapshot = (): PageSnapshot => ({
    frameUrl: safely(() => pageGlobals.location?.href ?? '', ''),
    engines: engines.map(engineInfo),
    models: [...registry.refreshedSummaries(), ...onnx.summaries()],
  });

  const bridge = new PageBridge(
    (message) => handleRequest(message),
    (nonce) => bridge.send({ kind: 'welcome', snapshot: snapshot() }, [], nonce),
  );

  // Scans for models after construction and while some candidate is still loading, with a backoff.
  let scanTimer = false;
  let pendingScans = 0;
  const scanSoon = (delay = 0): void => {
    if (scanTimer) return;
    scanTimer = true;
    later(() => {
      scanTimer = false;
      for (const model of registry.scan()) {
        bridge.send({ kind: 'model', model: { ...model.summary } });
        // Its fingerprint, once, while the page holds it: a copy loaded again after the browser reclaims it
        // (reload.ts) must match it before an explanation uses it.
        if (model.summary.sourceUrl) later(() => fingerprintOf(model));
      }
      const backend = engines[0] ? engineBackendName(engines[0].object) : null;
      if (engines[0] && backend !== lastBackend) {
        lastBackend = backend;
        bridge.send({ kind: 'engine', engine: engineInfo(engines[0]) });
      }
      if (registry.hasPending || (engines.length > 0 && backend === null)) {
        pendingScans++;
        if (pendingScans < 600) scanSoon(Math.min(2000, 50 * 2 ** Math.min(pendingScans, 6)));
      } else {
        pendingScans = 0;
      }
    }, delay);
  };

  const liveModel = (modelId: string): { kind: 'layers' | 'graph'; object: object } | null => {
    const model = registry.byId(modelId);
    const object = registry.objectOf(modelId);
    return model && object ? { kind: model.kind, object } : null;
  };
  const engine = (): object | null => engines[0]?.object ?? null;

  const describeObject = (model: LiveModel, object: object) =>
    describeLiveModel(model, object, registry, engines[0]?.object ?? null);
  const fingerprintOf = (model: LiveModel): string | null => {
    if (model.fingerprint) return model.fingerprint;
    const object = model.ref.deref();
    const fingerprint = object ? describeObject(model, object).graph?.fingerprint : undefined;
    if (fingerprint) model.fingerprint = fingerprint;
    return fingerprint ?? null;
  };
  // Reloads of models an explanation is open on after the browser reclaimed the page's copy, by model id.
  const reloads = new pageGlobals.Map<string, Promise<void>>();
  const reloadErrors = new pageGlobals.Map<string, string>();
  const reloadIfWanted = (modelId: string): Promise<void> => {
    const model = registry.byId(modelId);
    // One try per opening: a reload that failed is tried again only when an explanation opens on the model again.
    if (!model || !registry.needsReload(modelId) || reloadErrors.has(modelId))
      return pageGlobals.Promise.resolve();
    const running = reloads.get(modelId);
    if (running) return running;
    const url = model.summary.sourceUrl;
    const task = (async () => {
      if (!url || !model.fingerprint) {
        throw new Error(
          url
            ? 'the page let go of this model before Literate could fingerprint it, so a copy could not be verified'
            : 'the page let go of this model and it was not loaded from a URL Literate could load again',
        );
      }
      const source = { kind: model.kind, url, graphClass: model.graphClass, fingerprint: model.fingerprint };
      const object = await registry.reloading(() =>
        reloadModel(source, (copy) => describeObject(model, copy).graph?.fingerprint ?? null),
      );
      if (registry.adoptReload(modelId, object, () => disposeModel(object))) {
        bridge.send({ kind: 'model', model: { ...model.summary } });
      }
    })().then(
      () => void reloadErrors.delete(modelId),
      (e: unknown) =>
        void reloadErrors.set(
          modelId,
          safely(() => (e instanceof Error ? e.message : String(e)), 'failed'),
        ),
    );
    reloads.set(modelId, task);
    void task.then(() => reloads.delete(modelId));
    return task;
  };
  // The registry holds models weakly: a model the page dropped is reclaimed by the browser, and we say so.
  const whyMissing = (modelId: string): string =>
    onnx.byId(modelId)
      ? // ONNX weights and their digest are read in the content script from the model bytes (relay/onnx-weights.ts).
        'an ONNX Runtime Web session’s weights are read from its model file, not through tf.js'
      : !engine()
        ? 'tf.js is not running on this page'
        : registry.byId(modelId)
          ? `the page has let go of this model and the browser reclaimed it${
              reloadErrors.has(modelId) ? `; loading it again failed: ${reloadErrors.get(modelId)}` : ''
            }: reload the page (or use the demo again) to run it`
          : 'model not found';

  // Intermediate values on demand: a side runner per session, made only when a view on an inner node opens.
  const onnxCreators = new pageGlobals.WeakMap<
    object,
    (model: Uint8Array, options: object) => Promise<object>
  >();
  const innerRunners = new pageGlobals.Map<string, InnerRunner>();
  const innerRunner = (session: OnnxSession): InnerRunner | null => {
    const known = innerRunners.get(session.id);
    if (known) return known;
    const handler = session.ref.deref();
    const createHandler = handler ? onnxCreators.get(handler) : undefined;
    if (!createHandler) return null;
    const runner = new InnerRunner({
      bytes: () => onnx.source(session).then((s) => s.bytes),
      createHandler,
    });
    innerRunners.set(session.id, runner);
    return runner;
  };
  const onnxTaps = new OnnxTaps({
    session: (id) => onnx.byId(id),
    sendFrame: (frame, transfer, channel) => bridge.send({ kind: 'tap', frame }, transfer, channel),
    sendEnded: (subscriptionId, reason, channel) =>
      bridge.send({ kind: 'tap-ended', subscriptionId, reason }, [], channel),
    inner: innerRunner,
  });
  const taps = new TapManager({
    engine,
    model: liveModel,
    whyMissing,
    sendFrame: (frame, transfer, channel) => bridge.send({ kind: 'tap', frame }, transfer, channel),
    sendEnded: (subscriptionId, reason, channel) =>
      bridge.send({ kind: 'tap-ended', subscriptionId, reason }, [], channel),
  });
  const requestContext = {
    engine,
    ready: reloadIfWanted,
    model: liveModel,
    lastInput: (id: string) => taps.lastInput(id),
    whyMissing,
  };

  const handleRequest = (message: ContentMessage): void => {
    if (message.kind === 'subscribe')
      return onnxTaps.owns(message.modelId) ? onnxTaps.subscribe(message) : taps.subscribe(message);
    if (message.kind === 'unsubscribe') {
      onnxTaps.unsubscribe(message.nonce, message.subscriptionId);
      return taps.unsubscribe(message.nonce, message.subscriptionId);
    }
    if (message.kind === 'describe' && onnx.byId(message.modelId)) return answerOnnxDescribe(message);
    if (message.kind === 'probe' && onnx.byId(message.modelId)) return answerOnnxProbe(message);
    if (message.kind === 'probe') {
      return answerProbe(
        requestContext,
        message,
        (values, error, transfer) =>
          bridge.send(
            { kind: 'probe-result', requestId: message.requestId, values, error },
            transfer,
            message.nonce,
          ),
        (stage) =>
          safely(
            () =>
              bridge.send({ kind: 'probe-progress', requestId: message.requestId, stage }, [], message.nonce),
            undefined,
          ),
      );
    }
    if (message.kind === 'gradient') {
      const reply = (map: GradientMap | null, error: string | null, unsupported: boolean): void =>
        safely(
          () =>
            bridge.send(
              { kind: 'gradient-result', requestId: message.requestId, map, error, unsupported },
              map ? [map.magnitude, map.gradTimesInput] : [],
              message.nonce,
            ),
          undefined,
        );
      if (onnx.byId(message.modelId))
        return reply(null, 'gradients: ONNX Runtime Web computes no gradients in the page', true);
      return answerGradient(requestContext, message, reply, (stage) =>
        safely(
          () =>
            bridge.send({ kind: 'probe-progress', requestId: message.requestId, stage }, [], message.nonce),
          undefined,
        ),
      );
    }
    if (message.kind === 'read-weights') {
      return answerWeights(requestContext, message, (weights, error, transfer) =>
        bridge.send(
          { kind: 'weights', requestId: message.requestId, weights, error },
          transfer,
          message.nonce,
        ),
      );
    }
    if (message.kind === 'weights-digest') {
      return answerWeightsDigest(requestContext, message, (digest, error) =>
        bridge.send(
          { kind: 'weights-digest-result', requestId: message.requestId, digest, error },
          [],
          message.nonce,
        ),
      );
    }
    if (message.kind === 'pin') {
      reloadErrors.delete(message.modelId);
      const model = registry.pin(message.modelId, message.on);
      if (model) bridge.send({ kind: 'model', model: { ...model.summary } });
      if (message.on) void reloadIfWanted(message.modelId);
      return;
    }
    if (message.kind === 'describe') {
      // A model reclaimed under an open explanation is described from its copy, once loaded again.
      if (registry.needsReload(message.modelId))
        void reloadIfWanted(message.modelId).then(() => answerDescribe(message));
      else answerDescribe(message);
    }
  };

  // An example run on an ONNX session (the reader asked): the session's own handler, between the page's frames.
  const answerOnnxProbe = (message: Extract<ContentMessage, { kind: 'probe' }>): void => {
    const reply = (values: ProbeValue[], error: string | null): void =>
      safely(
        () =>
          bridge.send(
            { kind: 'probe-result', requestId: message.requestId, values, error },
            values.map((v) => v.buffer),
            message.nonce,
          ),
        undefined,
      );
    const session = onnx.byId(message.modelId);
    const handler = session?.ref.deref();
    if (!session || !handler)
      return reply([], 'the page has let go of this ONNX session: reload the page to run it');
    safely(
      () =>
        bridge.send(
          { kind: 'probe-progress', requestId: message.requestId, stage: 'running' },
          [],
          message.nonce,
        ),
      undefined,
    );
    const inner = innerRunner(session);
    runOnnxProbe(handler, message.input, message.nodeIds, {
      lastFeeds: onnxTaps.lastFeeds(message.modelId),
      inner,
    })
      .then(
        (values) => reply(values, null),
        (e: unknown) => reply([], (e instanceof Error ? e.message : String(e)).slice(0, 500) || 'failed'),
      )
      .finally(() => releaseLater(session.id, inner));
  };
  // A side handler the reader's probes made is let go once they stop (unless a live view on an inner node uses it).
  const releaseTimers = new pageGlobals.Map<string, ReturnType<typeof setTimeout>>();
  const releaseLater = (id: string, inner: InnerRunner | null): void => {
    if (!inner) return;
    const previous = releaseTimers.get(id);
    if (previous !== undefined) pageGlobals.clearTimeout(previous);
    releaseTimers.set(
      id,
      pageGlobals.setTimeout(() => {
        releaseTimers.delete(id);
        if (!onnxTaps.watchesInner(id)) void inner.release();
      }, PROBE_HANDLER_KEEP_MS),
    );
  };

  // An ONNX session is described from its model file by the content script: the page only copies the bytes out.
  const answerOnnxDescribe = (message: Extract<ContentMessage, { kind: 'describe' }>): void => {
    const session = onnx.byId(message.modelId)!;
    if (message.learnShapes)
      onnxTaps.learnShapes(session, () => {
        session.summary.revision = (session.summary.revision ?? 0) + 1;
        bridge.send({ kind: 'model', model: { ...session.summary } });
      });
    onnx.source(session).then(
      (source) =>
        bridge.send(
          { kind: 'graph', requestId: message.requestId, graph: null, error: null, onnx: source },
          [source.bytes],
          message.nonce,
        ),
      (e: unknown) =>
        bridge.send(
          {
            kind: 'graph',
            requestId: message.requestId,
            graph: null,
            error: safely(() => (e instanceof Error ? e.message : String(e)), 'failed'),
          },
          [],
          message.nonce,
        ),
    );
  };

  const answerDescribe = (message: Extract<ContentMessage, { kind: 'describe' }>): void => {
    const model = registry.byId(message.modelId);
    const object = registry.objectOf(message.modelId);
    if (!model || !object) {
      bridge.send(
        { kind: 'graph', requestId: message.requestId, graph: null, error: whyMissing(message.modelId) },
        [],
        message.nonce,
      );
      return;
    }
    const result = describeObject(model, object);
    if (result.graph && !model.fingerprint && object === model.ref.deref())
      model.fingerprint = result.graph.fingerprint;
    // Graph JSON rarely records intermediate shapes: when the overlay shows the outline (the describe asks for it),
    // learn them from the page's next call, then say so. Other describes (pack matching, hover) arm nothing.
    // (Only on the page's own copy: a copy Literate loaded again is never called by the page.)
    if (object === model.ref.deref())
      learnShapesIfAsked(
        message,
        model.kind,
        object,
        result.graph,
        () => !captureWouldDisturb(engine()),
        () => {
          model.summary.revision = (model.summary.revision ?? 0) + 1;
          bridge.send({ kind: 'model', model: { ...model.summary } });
        },
      );
    bridge.send(
      { kind: 'graph', requestId: message.requestId, graph: result.graph, error: result.error },
      [],
      message.nonce,
    );
  };

  trapOrtSessions((found) => {
    if (found.createHandler) onnxCreators.set(found.handler, found.createHandler);
    const session = onnx.add(found);
    if (session) bridge.send({ kind: 'model', model: { ...session.summary } });
  });

  trapModelConstructors((kind, object) => {
    registry.add(kind, object);
    scanSoon();
  });

  trapEngine((object, late) => {
    if (engines.some((e) => e.object === object) || engines.length >= 16) return;
    const engine: Engine = { id: `e${engines.length + 1}`, object, late };
    engines.push(engine);
    if (engines.length === 1) captureModelJson(fetched);
    bridge.send({ kind: 'engine', engine: engineInfo(engine) });
    scanSoon();
  });

  bridge.start();
}

safely(() => {
  const g = pageGlobals.global;
  if (pageGlobals.hasOwn.call(g, INSTALLED)) return;
  pageGlobals.defineProperty(g, INSTALLED, { value: true, enumerable: false });
  install();
}, undefined);
