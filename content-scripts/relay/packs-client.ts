// Implements PacksApi: asks the background which packs apply to this frame (URL first; the models are described
// only when some pack might apply), keeps the answer, follows settings, and relays the overlay's reports.

import { t } from '../../extension/ui/i18n';
import type { ModelGraph, ModelSummary } from '../../model/model-graph';
import type {
  ActionResult,
  ContentPacksRequest,
  ContentPacksRpc,
  ShareLinkResult,
} from '../../protocol/packs-messages';
import { rpcSender, type RpcSend } from '../../protocol/rpc';
import { EMPTY_FRAME_PACKS, type FramePacks, type OverlayStatus } from '../../protocol/packs';
import { DEFAULT_SETTINGS, type Settings } from '../../extension/settings/settings';
import { shareLinkForPack } from '../../extension/share/share-for-pack';
import type { FrameState } from './frame-state';
import type { DraftRequest, DraftRpc } from '../../protocol/drafts';
import type { DraftRecord } from '../../protocol/drafts';
import type { DraftSaved, DraftsApi, PacksApi } from './packs-api';
import { Listeners } from '../../base/listeners';

export interface PacksClientDeps {
  session: string;
  state: FrameState;
  describe(modelId: string): Promise<ModelGraph>;
  /** The transport to the background (runtime.sendMessage); replies are typed by `rpcSender`. */
  send(message: ContentPacksRequest): Promise<unknown>;
  /** Sends a drafts message to the background (authoring mode); without it there are no drafts. */
  sendDraft?(message: DraftRequest): Promise<unknown>;
  frameUrl(): string;
  settings: {
    read(): Promise<Settings>;
    write(patch: Partial<Settings>): Promise<Settings>;
    watch(listener: (s: Settings) => void, signal: AbortSignal): void;
  };
}

export class PacksClient implements PacksApi {
  readonly version = 1 as const;
  private current: FramePacks = EMPTY_FRAME_PACKS;
  private currentSettings: Settings = { ...DEFAULT_SETTINGS };
  /** The graph of each model as described at a revision; a model reported at another revision is described again. */
  private graphs = new Map<string, { revision: number; graph: ModelGraph }>();
  private readonly listeners = new Listeners<FramePacks>();
  private readonly settingsListeners = new Listeners<Settings>();
  private running: Promise<void> | null = null;
  private again = false;

  readonly drafts?: DraftsApi;
  private readonly background: RpcSend<ContentPacksRpc>;

  constructor(private readonly deps: PacksClientDeps) {
    const send = deps.sendDraft;
    if (send) this.drafts = draftsOver(rpcSender<DraftRpc>(send));
    this.background = rpcSender<ContentPacksRpc>(deps.send);
  }

  start(signal: AbortSignal): void {
    this.deps.settings.read().then(
      (s) => this.setSettings(s),
      () => undefined,
    );
    this.deps.settings.watch((s) => this.setSettings(s), signal);
  }

  /** Asks again (models changed, or the background said packs changed). Coalesces bursts. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.match().catch(() => undefined);
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  private async match(): Promise<void> {
    const models = this.deps.state.snapshot().models;
    if (models.length === 0 && this.current === EMPTY_FRAME_PACKS) return;
    const ask = async (graphs: ModelGraph[] | null) => {
      const reply = await this.background({
        type: 'frame-packs',
        session: this.deps.session,
        frameUrl: this.deps.frameUrl(),
        graphs,
      });
      return reply ?? null;
    };
    /** The cached graph of a model, when it was described at the revision the hook reports now. */
    const cached = (m: ModelSummary): ModelGraph[] => {
      const entry = this.graphs.get(m.id);
      return entry && entry.revision === (m.revision ?? 0) ? [entry.graph] : [];
    };
    const allDescribed = models.length > 0 && models.every((m) => cached(m).length > 0);
    let reply = allDescribed ? null : await ask(null);
    // Describing costs the page a little: only when some pack might apply here.
    if (allDescribed || (reply && reply.candidates > 0)) {
      await Promise.allSettled(
        models
          .filter((m) => cached(m).length === 0)
          .map((m) =>
            this.deps
              .describe(m.id)
              .then((graph) => void this.graphs.set(m.id, { revision: m.revision ?? 0, graph })),
          ),
      );
      reply = await ask(models.flatMap(cached));
    }
    if (reply && JSON.stringify(reply) !== JSON.stringify(this.current)) {
      this.current = reply;
      this.listeners.emit(reply);
    }
  }

  state(): FramePacks {
    return this.current;
  }

  onChange(listener: (state: FramePacks) => void, signal: AbortSignal): void {
    this.listeners.add(listener, signal);
  }

  settings(): Settings {
    return this.currentSettings;
  }

  onSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
    this.settingsListeners.add(listener, signal);
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const next = await this.deps.settings.write(patch);
    this.setSettings(next);
    return next;
  }

  private setSettings(settings: Settings): void {
    if (JSON.stringify(settings) === JSON.stringify(this.currentSettings)) return;
    this.currentSettings = settings;
    this.settingsListeners.emit(settings);
  }

  reportStatus(status: OverlayStatus): void {
    this.background({ type: 'overlay-status', status }).catch(() => undefined);
  }

  async shareLink(step: number | null = null): Promise<ShareLinkResult> {
    const active = this.current.active;
    if (!active) return { ok: false, reason: t('relayNoPack') };
    return shareLinkForPack(this.deps.frameUrl(), active.provenance, active.pack, step);
  }

  async saveEdit(packKey: string, text: string): Promise<ActionResult> {
    const reply = await this.background({ type: 'save-pack-edit', packKey, text });
    return reply ?? { ok: false, reason: t('relayNoAnswer') };
  }
}

/** The drafts API over runtime messages; a silent or failing background is a failed save. */
function draftsOver(send: RpcSend<DraftRpc>): DraftsApi {
  return {
    async save(draft): Promise<DraftSaved> {
      const reply = await send({ type: 'draft-save', draft }).catch((e: unknown) => ({
        ok: false as const,
        reason: String(e),
      }));
      if (reply?.ok) return { ok: true, savedAt: reply.savedAt };
      return { ok: false, reason: reply?.reason ?? t('relayNoAnswer') };
    },
    async list(): Promise<DraftRecord[]> {
      const reply = await send({ type: 'draft-list' }).catch(() => undefined);
      return reply?.ok ? reply.drafts : [];
    },
    async remove(id: string): Promise<boolean> {
      const reply = await send({ type: 'draft-delete', id }).catch(() => undefined);
      return reply?.ok === true;
    },
  };
}
