// Implements PacksApi: asks the background which packs apply to this frame (URL first; the models are described
// only when some pack might apply), keeps the answer, follows settings, and relays the overlay's reports.

import type { ModelGraph, ModelSummary } from '../../model/model-graph';
import type { ActionResult, ContentPacksRequest, ShareLinkResult } from '../../protocol/packs-messages';
import { EMPTY_FRAME_PACKS, type FramePacks, type OverlayStatus } from '../../protocol/packs';
import { DEFAULT_SETTINGS, type Settings } from '../../extension/settings/settings';
import { shareLinkForPack } from '../../extension/share/share-for-pack';
import type { FrameState } from './frame-state';
import type { DraftRequest } from '../../protocol/drafts';
import type { DraftRecord } from '../../protocol/drafts';
import type { DraftSaved, DraftsApi, PacksApi } from './packs-api';
import { isRec } from '../../base/is-record';
import { Listeners } from '../../base/listeners';

export interface PacksClientDeps {
  session: string;
  state: FrameState;
  describe(modelId: string): Promise<ModelGraph>;
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

function isFramePacks(v: unknown): v is FramePacks {
  return typeof v === 'object' && v !== null && Array.isArray((v as FramePacks).offers) && 'active' in v;
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

  constructor(private readonly deps: PacksClientDeps) {
    const send = deps.sendDraft;
    if (send) this.drafts = draftsOver(send);
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
      const reply = await this.deps.send({
        type: 'frame-packs',
        session: this.deps.session,
        frameUrl: this.deps.frameUrl(),
        graphs,
      });
      return isFramePacks(reply) ? reply : null;
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
    this.deps.send({ type: 'overlay-status', status }).catch(() => undefined);
  }

  async shareLink(step: number | null = null): Promise<ShareLinkResult> {
    const active = this.current.active;
    if (!active) return { ok: false, reason: 'No pack is shown here.' };
    return shareLinkForPack(this.deps.frameUrl(), active.provenance, active.pack, step);
  }

  async saveEdit(packKey: string, text: string): Promise<ActionResult> {
    const reply = (await this.deps.send({ type: 'save-pack-edit', packKey, text })) as
      ActionResult | undefined;
    return reply ?? { ok: false, reason: 'The background did not answer.' };
  }
}

/** The drafts API over runtime messages; every reply is checked, a silent background is a failed save. */
function draftsOver(send: (message: DraftRequest) => Promise<unknown>): DraftsApi {
  return {
    async save(draft): Promise<DraftSaved> {
      const reply = await send({ type: 'draft-save', draft }).catch((e: unknown) => ({
        ok: false,
        reason: String(e),
      }));
      if (isRec(reply) && reply.ok === true && typeof reply.savedAt === 'number')
        return { ok: true, savedAt: reply.savedAt };
      return {
        ok: false,
        reason:
          isRec(reply) && typeof reply.reason === 'string' ? reply.reason : 'The background did not answer.',
      };
    },
    async list(): Promise<DraftRecord[]> {
      const reply = await send({ type: 'draft-list' }).catch(() => null);
      return isRec(reply) && Array.isArray(reply.drafts) ? (reply.drafts as DraftRecord[]) : [];
    },
    async remove(id: string): Promise<boolean> {
      const reply = await send({ type: 'draft-delete', id }).catch(() => null);
      return isRec(reply) && reply.ok === true;
    },
  };
}
