// Answers pack messages. Content scripts only learn about their own tab and frame; management (sources, trust,
// consent answers) is only accepted from the extension's own pages. Browser APIs come in through `deps`.

import { t } from '../ui/i18n';
import type {
  ContentPacksRequest,
  ContentPacksRpc,
  PagePacksRequest,
  PagePacksRpc,
  PacksAdminView,
  ShareLinkResult,
} from '../../protocol/packs-messages';
import type { RpcReply, TypeOf } from '../../protocol/rpc';
import type { FramePacks } from '../../protocol/packs';
import type { ContentRequest, FrameReport } from '../../protocol/runtime';
import { shareLinkForPack } from '../share/share-for-pack';
import type { ErrorLog } from './error-log';
import { chooseActive, offersFor, provenanceOf } from './packs/matching';
import { readerLanguages } from './reader-languages';
import type { PackService } from './packs/service';
import type { ShareLinks } from './share-links';
import type { TabPacks } from './tab-packs';

export interface HandlerDeps {
  service: PackService;
  tabs: TabPacks;
  links: ShareLinks;
  errors: ErrorLog;
  tabStates(): { tabId: number; frames: FrameReport[] }[];
  /** Persist tab state and tell the tab's frames to ask again. */
  notifyTab(tabId: number): void;
  /** Persist tab state only. */
  persist(): void;
  sendToTab(tabId: number, message: ContentRequest): Promise<void>;
  /** Opens the extension page where the reader confirms (or not) a pending edited copy; absent: the options page. */
  openEditPrompt?(pendingId: string): Promise<void>;
  /** Origins the reader granted; and re-registering site scripts for them. */
  grantedSites(): Promise<string[]>;
  syncSites(): Promise<string[]>;
}

export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string | null;
}

/** Answers a content script's pack request; the reply's type follows from the request's. */
export function handleContentPacks<R extends ContentPacksRequest>(
  request: R,
  sender: ContentSender,
  deps: HandlerDeps,
): Promise<RpcReply<ContentPacksRpc, TypeOf<R>>>;
export async function handleContentPacks(
  request: ContentPacksRequest,
  sender: ContentSender,
  deps: HandlerDeps,
): Promise<RpcReply<ContentPacksRpc, ContentPacksRequest['type']>> {
  const { tabs, service } = deps;
  switch (request.type) {
    case 'share-link': {
      if (sender.frameId !== 0) return { ok: false };
      tabs.document(sender.tabId, request.session, sender.url ?? undefined);
      await deps.links.open(sender.tabId, request.fragment, sender.url);
      return { ok: true };
    }
    case 'share-link-gesture':
      // Our relay saw a trusted click or key press in the top document: a waiting consent window may open.
      if (sender.frameId !== 0) return { ok: false };
      await deps.links.gesture(sender.tabId);
      return { ok: true };
    case 'frame-packs': {
      if (sender.frameId === 0) tabs.document(sender.tabId, request.session, request.frameUrl);
      const usable = await service.usable();
      const offers = offersFor(
        usable,
        request.frameUrl,
        request.graphs,
        tabs.linkedKeys(sender.tabId),
        readerLanguages(),
      );
      const activeKey = chooseActive(offers, tabs.chosen(sender.tabId));
      tabs.setFrame(sender.tabId, sender.frameId, {
        frameUrl: request.frameUrl,
        offers,
        activeKey,
        candidates: offers.length,
      });
      const chosen = activeKey ? usable.find((u) => u.record.key === activeKey) : undefined;
      const result: FramePacks = {
        offers,
        active: chosen
          ? {
              key: chosen.record.key,
              pack: chosen.pack,
              provenance: provenanceOf(chosen.record, chosen.source),
              match: offers.find((o) => o.key === activeKey)?.match ?? null,
              step: tabs.stepFor(sender.tabId, chosen.record.key),
            }
          : null,
        link: sender.frameId === 0 ? tabs.link(sender.tabId) : null,
        candidates: offers.length,
      };
      deps.persist();
      return result;
    }
    case 'overlay-status':
      tabs.setOverlay(sender.tabId, request.status);
      deps.persist();
      return { ok: true };
    case 'save-pack-edit': {
      // Never stored from here: the copy waits for the reader's answer in an extension page the page cannot reach.
      const page = sender.url ? pageOf(sender.url) : null;
      const proposed = await service.proposeEdit(request.packKey, request.text, page);
      if (proposed.ok && proposed.pendingId)
        await deps.openEditPrompt?.(proposed.pendingId).catch(() => undefined);
      return proposed;
    }
  }
}

function pageOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

export async function shareLinkForTab(tabId: number, deps: HandlerDeps): Promise<ShareLinkResult> {
  const view = deps.tabs.view(tabId);
  if (!view.activeKey || !view.pageUrl) return { ok: false, reason: t('packNoneShown') };
  const usable = await deps.service.usable();
  const active = usable.find((u) => u.record.key === view.activeKey);
  if (!active) return { ok: false, reason: t('packShownGone') };
  const step =
    view.overlay?.packKey === active.record.key
      ? view.overlay.step
      : (deps.tabs.stepFor(tabId, active.record.key) ?? null);
  return shareLinkForPack(view.pageUrl, provenanceOf(active.record, active.source), active.pack, step);
}

/** Answers an extension page's pack request; the reply's type follows from the request's. */
export function handlePagePacks<R extends PagePacksRequest>(
  request: R,
  deps: HandlerDeps,
): Promise<RpcReply<PagePacksRpc, TypeOf<R>>>;
export async function handlePagePacks(
  request: PagePacksRequest,
  deps: HandlerDeps,
): Promise<RpcReply<PagePacksRpc, PagePacksRequest['type']>> {
  const { tabs, service } = deps;
  switch (request.type) {
    case 'get-tab-packs':
      return tabs.view(request.tabId);
    case 'choose-pack':
      tabs.choose(request.tabId, request.packKey);
      deps.notifyTab(request.tabId);
      return { ok: true };
    case 'set-pack-enabled':
      await (await service.store()).setEnabled(request.packKey, request.enabled);
      service.changed();
      return { ok: true };
    case 'open-overlay':
      await deps.sendToTab(request.tabId, { type: 'open-overlay' });
      return { ok: true };
    case 'share-link-for-tab':
      return shareLinkForTab(request.tabId, deps);
    case 'review-link':
      return deps.links.review(request.tabId);
    case 'get-packs-admin': {
      const store = await service.store();
      await service.usable(); // validates every stored copy, recording problems on sources
      const snapshot = store.snapshot();
      const view: PacksAdminView = {
        ...snapshot,
        readOnly: store.readOnly,
        notes: store.notes,
        sites: await deps.grantedSites(),
      };
      return view;
    }
    case 'add-source':
      return service.addRemote(request.kind, request.url);
    case 'update-sources': {
      const reports = await service.update(request.sourceId);
      return { ok: reports.every((r) => r.problems.length === 0), reports };
    }
    case 'remove-source':
      await (await service.store()).removeSource(request.sourceId);
      service.changed();
      return { ok: true };
    case 'remove-pack':
      await (await service.store()).removePack(request.packKey);
      service.changed();
      return { ok: true };
    case 'import-pack':
      return service.importFile(request.name, request.text);
    case 'export-pack': {
      const store = await service.store();
      const record = store.record(request.packKey);
      const text = record ? await store.text(record.sha256) : undefined;
      if (!record || text === undefined) return { ok: false, reason: t('packNotStored') };
      const name = `${record.packId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'pack'}.json`;
      return { ok: true, name, text };
    }
    case 'get-diagnostics':
      return { tabs: deps.tabStates(), errors: await deps.errors.list(), sites: await deps.grantedSites() };
    case 'consent-get':
      return deps.links.view(request.id);
    case 'consent-answer':
      return deps.links.answer(
        request.id,
        request.accept,
        request.trustOrigin,
        request.wholeOrigin !== false,
      );
    case 'edit-get':
      return service.editView(request.id);
    case 'edit-answer':
      return service.answerEdit(request.id, request.accept);
    case 'untrust-origin':
      await (await service.store()).untrustOrigin(request.origin);
      return { ok: true };
    case 'sync-sites':
      return { ok: true, sites: await deps.syncSites() };
  }
}
