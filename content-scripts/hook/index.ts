// The MAIN-world hook's entry (document_start, all frames): wires discovery, describe and the page end of the bridge.
// Pages without tf.js pay for one accessor and two one-shot property traps; nothing is wrapped until tf.js appears.

import type { EngineInfo, PageSnapshot } from '../../protocol/bridge';
import type { ContentMessage } from '../../protocol/bridge';
import { engineBackendName, engineVersionClass, globalTfVersion, trapEngine } from './engine-trap';
import { captureModelJson, type FetchedModelJson } from './model-json-capture';
import { ModelRegistry } from './model-registry';
import { trapModelConstructors } from './model-traps';
import { PageBridge } from './page-bridge';
import { describeLiveModel } from './describe-live';
import { later, pageGlobals, safely } from './page-globals';
import { learnShapesIfAsked } from './tap/live-shapes';
import { TapManager } from './tap/tap-manager';
import { captureWouldDisturb } from './tensor-ops';
import { answerProbe, answerWeights, answerWeightsDigest } from './requests';

const INSTALLED = Symbol.for('literate.hook');

interface Engine {
  id: string;
  object: object;
  late: boolean;
}

function install(): void {
  const engines: Engine[] = [];
  const fetched: FetchedModelJson[] = [];
  const registry = new ModelRegistry(fetched, () =>
    engines[0] ? engineBackendName(engines[0].object) : null,
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
    models: registry.refreshedSummaries(),
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
      for (const model of registry.scan()) bridge.send({ kind: 'model', model: { ...model.summary } });
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
    const object = model?.ref.deref();
    return model && object ? { kind: model.kind, object } : null;
  };
  const engine = (): object | null => engines[0]?.object ?? null;
  // The registry holds models weakly: a model the page dropped is reclaimed by the browser, and we say so.
  const whyMissing = (modelId: string): string =>
    !engine()
      ? 'tf.js is not running on this page'
      : registry.byId(modelId)
        ? 'the page has let go of this model and the browser reclaimed it: reload the page (or use the demo again) to run it'
        : 'model not found';

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
    model: liveModel,
    lastInput: (id: string) => taps.lastInput(id),
    whyMissing,
  };

  const handleRequest = (message: ContentMessage): void => {
    if (message.kind === 'subscribe') return taps.subscribe(message);
    if (message.kind === 'unsubscribe') return taps.unsubscribe(message.nonce, message.subscriptionId);
    if (message.kind === 'probe') {
      return answerProbe(requestContext, message, (values, error, transfer) =>
        bridge.send(
          { kind: 'probe-result', requestId: message.requestId, values, error },
          transfer,
          message.nonce,
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
    if (message.kind === 'describe') {
      const model = registry.byId(message.modelId);
      const object = model?.ref.deref();
      if (!model || !object) {
        bridge.send(
          { kind: 'graph', requestId: message.requestId, graph: null, error: whyMissing(message.modelId) },
          [],
          message.nonce,
        );
        return;
      }
      const result = describeLiveModel(model, object, registry, engines[0]?.object ?? null);
      // Graph JSON rarely records intermediate shapes: when the overlay shows the outline (the describe asks for it),
      // learn them from the page's next call, then say so. Other describes (pack matching, hover) arm nothing.
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
    }
  };

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
