// Share links opened in a tab: parse the fragment (which the page may have forged), load packs from sources the
// reader already trusts, and for any other source ask once in an extension page, showing provenance first. That
// window opens only after a gesture of the reader's (a trusted click or key press in the tab, or the popup's Review
// button), a few times per tab and page origin at most; a "no" covers the pack's origin unless the reader narrows it.

import { t } from '../ui/i18n';
import { LIMITS } from '../../annotations/format/limits';
import type { Pack } from '../../annotations/format/types';
import type { ActionResult, ConsentView } from '../../protocol/packs-messages';
import type { LinkStatus } from '../../protocol/packs';
import { decodeInlinePack } from '../share/inline-codec';
import { parseShareFragment } from '../share/share-link';
import { shareFetchRefusal } from './packs/address';
import { fetchText, type FetchLike } from './packs/fetch-text';
import { originOf } from './packs/matching';
import { describeErrors, loadPackText } from './packs/pack-text';
import type { PackService } from './packs/service';
import { INLINE_SOURCE_ID } from './packs/store';
import { PromptLimiter, type PromptLimitState } from './prompt-limits';
import type { TabPacks } from './tab-packs';
import { randomId } from '../../base/random-id';

export interface PromptRef {
  windowId?: number;
  tabId?: number;
}

export interface Pending {
  id: string;
  tabId: number;
  kind: 'url' | 'inline';
  url: string | null;
  text: string;
  sha256: string;
  step: number | null;
  view: ConsentView;
  prompt: PromptRef | null;
  /** The http(s) origin of the top document that holds the link (never about:blank's null origin). */
  pageOrigin?: string;
  /** A pack on a new source on another site: not fetched before the reader agrees (`text` is empty until then). */
  unfetched?: boolean;
}

export interface ShareLinkDeps {
  service: PackService;
  tabs: TabPacks;
  openPrompt(id: string): Promise<PromptRef | null>;
  closePrompt(ref: PromptRef): Promise<void>;
  /** The tab's pack state changed: persist it and tell the tab's frames to match again. */
  notify(tabId: number): void;
  fetch?: FetchLike;
  /** Pending questions changed: save them (the worker may stop while the reader reads the prompt). */
  persist?(): void;
  /** How many consent windows a page may cause (tests pass their own clock). */
  limiter?: PromptLimiter;
}

export interface ShareLinksState {
  pending: Pending[];
  declinedByTab: [number, Pending][];
  declined: string[];
  limits?: PromptLimitState;
}

const MAX_PENDING = 8;

export class ShareLinks {
  private pending = new Map<string, Pending>();
  /** The last link per tab that was declined or closed, so the popup can offer to review it again. */
  private declinedByTab = new Map<number, Pending>();
  /** Sources the reader declined in this browser session: not asked again unless they review them. */
  private declined = new Set<string>();
  /** Tabs whose current document the reader has clicked or typed in (a trusted activation, seen by our relay). */
  private gestures = new Set<number>();
  private readonly limiter: PromptLimiter;

  constructor(private readonly deps: ShareLinkDeps) {
    this.limiter = deps.limiter ?? new PromptLimiter();
  }

  /**
   * Handles the fragment of a top-frame document. `pageUrl` is the browser's own record of the sender's URL, never
   * the page's word. Never throws; the tab's link status says what happened.
   */
  async open(tabId: number, fragment: string, pageUrl: string | null): Promise<void> {
    const request = parseShareFragment(fragment);
    if (request.kind === 'none') return;
    const { tabs } = this.deps;
    if (request.kind === 'error')
      return this.status(tabId, {
        state: 'failed',
        source: 'link',
        reason: t('linkCannotUse', request.reason),
      });
    const source = request.kind === 'url' ? request.url : 'inline';
    const current = tabs.link(tabId);
    if (current && current.source === source && current.state !== 'failed') return; // the same document asked twice
    // A new document: its reader has not clicked in it yet.
    this.gestures.delete(tabId);
    // The origin that asks is always shown: a document without an http(s) origin of its own (about:blank, data:,
    // blob:, which may have been opened and written by any page) cannot ask at all.
    const pageOrigin = originOf(pageUrl ?? undefined);
    if (!pageOrigin)
      return this.status(tabId, {
        state: 'failed',
        source,
        reason: t('linkNeedsAddress'),
      });
    this.status(tabId, { state: 'loading', source, step: request.step });

    let text: string;
    let url: string | null = null;
    const usable = await this.deps.service.usable();
    if (request.kind === 'url') {
      url = request.url;
      const known = usable.find(
        (u) => u.record.url === url && ['url', 'registry', 'link'].includes(u.source.kind),
      );
      if (known)
        return this.loaded(tabId, source, known.record.key, request.step, known.pack, known.record.enabled);
      // Not the reader's machine or network for a page elsewhere; and a new source on another site is not even
      // fetched before the reader agrees to it (the page's own origin it could fetch itself).
      const refusal = shareFetchRefusal(url, pageUrl);
      if (refusal)
        return this.status(tabId, {
          state: 'failed',
          source,
          reason: t('linkWillNotLoad', url, refusal),
        });
      const packOrigin = originOf(url);
      const trusted = !!packOrigin && (await this.deps.service.store()).trustedOrigins().includes(packOrigin);
      if (!trusted && packOrigin !== pageOrigin)
        return this.askUnfetched(tabId, url, packOrigin, request.step, pageOrigin);
      const fetched = await this.fetchPack(url);
      if (!fetched.ok) return this.status(tabId, { state: 'failed', source, reason: fetched.reason });
      text = fetched.text;
    } else {
      const decoded = await decodeInlinePack(request.data);
      if (!decoded.ok)
        return this.status(tabId, {
          state: 'failed',
          source,
          reason: t('linkCouldNotRead', decoded.reason),
        });
      text = decoded.value;
    }
    const load = await loadPackText(text);
    if (!load.ok)
      return this.status(tabId, {
        state: 'failed',
        source,
        reason: t('linkNotValid', describeErrors(url ?? 'inline pack', load.errors, 3)),
      });
    if (request.kind === 'inline') {
      const known = usable.find((u) => u.record.sha256 === load.sha256);
      if (known)
        return this.loaded(tabId, source, known.record.key, request.step, known.pack, known.record.enabled);
    }
    const store = await this.deps.service.store();
    const origin = originOf(url ?? undefined);
    if (origin && store.trustedOrigins().includes(origin)) {
      const key = await this.keep('url', url, text, load.sha256, load.pack);
      return this.loaded(tabId, source, key, request.step, load.pack, true);
    }
    const pending: Pending = {
      id: randomId(12),
      tabId,
      kind: request.kind,
      url,
      text,
      sha256: load.sha256,
      step: request.step,
      prompt: null,
      pageOrigin,
      view: {
        id: '',
        provenance: {
          packId: load.pack.id,
          title: load.pack.title,
          authors: load.pack.authors.map((a) => ({ ...a })),
          version: load.pack.version,
          license: load.pack.license,
          sourceKind: request.kind === 'url' ? 'link' : 'inline',
          sourceLabel: url ?? 'Inline in the link',
          url,
          origin,
        },
        description: load.pack.description ?? null,
        annotations: load.pack.items.length,
        steps: load.pack.steps?.length ?? 0,
        step: request.step,
        pageOrigin,
        canTrustOrigin: origin !== null,
      },
    };
    pending.view.id = pending.id;
    await this.askUnlessDeclined(pending, source);
  }

  /** Fetches a share link's pack: no redirects (a redirect could lead past the address check). */
  private async fetchPack(url: string): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
    const fetched = await fetchText(url, {
      maxBytes: LIMITS.packBytes,
      redirect: 'error',
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
    return fetched.status === 'fresh'
      ? { ok: true, text: fetched.text }
      : {
          ok: false,
          reason: t(
            'linkCouldNotLoad',
            url,
            fetched.status === 'error' ? fetched.reason : t('linkNoContent'),
          ),
        };
  }

  /** Asks about a pack Literate has not fetched: only its address and the page's origin are known. */
  private async askUnfetched(
    tabId: number,
    url: string,
    origin: string | null,
    step: number | null,
    pageOrigin: string,
  ): Promise<void> {
    const pending: Pending = {
      id: randomId(12),
      tabId,
      kind: 'url',
      url,
      text: '',
      sha256: '',
      step,
      prompt: null,
      pageOrigin,
      unfetched: true,
      view: {
        id: '',
        unfetched: true,
        provenance: {
          packId: '',
          title: `A pack from ${origin ?? url}`,
          authors: [],
          version: '',
          license: '',
          sourceKind: 'link',
          sourceLabel: url,
          url,
          origin,
        },
        description: null,
        annotations: 0,
        steps: 0,
        step,
        pageOrigin,
        canTrustOrigin: origin !== null,
      },
    };
    pending.view.id = pending.id;
    await this.askUnlessDeclined(pending, url);
  }

  /** Asks about `pending`, unless the reader already declined its source in this browser session. */
  private async askUnlessDeclined(pending: Pending, source: string): Promise<void> {
    if (declineKeys(pending).some((k) => k !== null && this.declined.has(k))) {
      this.declinedByTab.set(pending.tabId, pending);
      return this.status(pending.tabId, {
        state: 'declined',
        source,
        reason: t('linkDeclinedEarlier'),
      });
    }
    await this.ask(pending);
  }

  view(id: string): ConsentView | null {
    return this.pending.get(id)?.view ?? null;
  }

  /**
   * `wholeOrigin`: a "no" also covers the pack's other links (a URL pack's origin; for an inline pack, inline packs
   * on pages of the same origin) for this browser session, so a page cannot ask again with a slightly changed link.
   */
  async answer(id: string, accept: boolean, trustOrigin: boolean, wholeOrigin = true): Promise<ActionResult> {
    const pending = this.pending.get(id);
    if (!pending) return { ok: false, reason: t('linkExpired') };
    this.pending.delete(id);
    this.deps.persist?.();
    if (pending.prompt) await this.deps.closePrompt(pending.prompt).catch(() => undefined);
    const source = pending.url ?? 'inline';
    if (!accept) {
      const [exact, broad] = declineKeys(pending);
      this.declined.add(exact!);
      if (wholeOrigin && broad) this.declined.add(broad);
      this.declinedByTab.set(pending.tabId, pending);
      this.deps.persist?.();
      this.status(pending.tabId, { state: 'declined', source, reason: t('linkDeclinedNow') });
      return { ok: true };
    }
    if (pending.unfetched && pending.url) {
      // The reader agreed to the source: only now is it fetched (checked again: nothing stored is trusted blindly).
      const refusal = shareFetchRefusal(pending.url, pending.pageOrigin ?? null);
      const fetched = refusal
        ? { ok: false as const, reason: t('linkWillNotLoad', pending.url, refusal) }
        : await this.fetchPack(pending.url);
      if (!fetched.ok) {
        this.status(pending.tabId, { state: 'failed', source, reason: fetched.reason });
        return { ok: false, reason: fetched.reason };
      }
      pending.text = fetched.text;
    }
    const load = await loadPackText(pending.text);
    if (!load.ok) {
      const reason = pending.unfetched
        ? t('linkPackNotValidAt', pending.url ?? '', describeErrors(pending.url ?? 'pack', load.errors, 3))
        : t('linkPackNoLongerValid');
      if (pending.unfetched) this.status(pending.tabId, { state: 'failed', source, reason });
      return { ok: false, reason };
    }
    const key = await this.keep(pending.kind, pending.url, pending.text, load.sha256, load.pack);
    const origin = originOf(pending.url ?? undefined);
    if (trustOrigin && origin) await (await this.deps.service.store()).trustOrigin(origin);
    this.declinedByTab.delete(pending.tabId);
    this.loaded(pending.tabId, source, key, pending.step, load.pack, true);
    return { ok: true };
  }

  /** The prompt window was closed without an answer: treat it as "not now". */
  async promptClosed(ref: PromptRef): Promise<void> {
    for (const pending of this.pending.values()) {
      const p = pending.prompt;
      if (
        p &&
        ((ref.windowId !== undefined && p.windowId === ref.windowId) ||
          (ref.tabId !== undefined && p.tabId === ref.tabId))
      ) {
        pending.prompt = null;
        await this.answer(pending.id, false, false);
      }
    }
  }

  /**
   * The reader clicked or typed in the tab's top document (a trusted activation our content script saw): a question
   * waiting for it may now open its window, within the limits per tab and page origin.
   */
  async gesture(tabId: number): Promise<void> {
    this.gestures.add(tabId);
    const waiting = [...this.pending.values()].find((p) => p.tabId === tabId && !p.prompt);
    if (waiting) await this.showPrompt(waiting, false);
  }

  /**
   * From the popup (a click in Literate's own page): opens the window for the link waiting on this tab, or asks
   * again about one the reader declined here. Not rate limited: no page can press it.
   */
  async review(tabId: number): Promise<ActionResult> {
    const waiting = [...this.pending.values()].find((p) => p.tabId === tabId);
    if (waiting) {
      if (!waiting.prompt) await this.showPrompt(waiting, true);
      return waiting.prompt ? { ok: true } : { ok: false, reason: t('linkNoPrompt') };
    }
    const pending = this.declinedByTab.get(tabId);
    if (!pending) return { ok: false, reason: t('linkNoDeclined') };
    this.declinedByTab.delete(tabId);
    for (const key of declineKeys(pending)) if (key) this.declined.delete(key);
    await this.ask({ ...pending, id: randomId(12), prompt: null }, true);
    return { ok: true };
  }

  toJSON(): ShareLinksState {
    return {
      pending: [...this.pending.values()],
      declinedByTab: [...this.declinedByTab],
      declined: [...this.declined],
      limits: this.limiter.toJSON(),
    };
  }

  /** Restores what a stopped worker saved. Trusts only its own session storage, never a page. */
  restore(data: unknown): void {
    const state = (typeof data === 'object' && data !== null ? data : {}) as Partial<ShareLinksState>;
    const isPending = (p: unknown): p is Pending =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as Pending).id === 'string' &&
      typeof (p as Pending).text === 'string';
    for (const p of Array.isArray(state.pending) ? state.pending : [])
      if (isPending(p)) this.pending.set(p.id, p);
    for (const e of Array.isArray(state.declinedByTab) ? state.declinedByTab : [])
      if (Array.isArray(e) && typeof e[0] === 'number' && isPending(e[1])) this.declinedByTab.set(e[0], e[1]);
    for (const d of Array.isArray(state.declined) ? state.declined : [])
      if (typeof d === 'string') this.declined.add(d);
    this.limiter.restore(state.limits);
  }

  forgetTab(tabId: number): void {
    this.declinedByTab.delete(tabId);
    this.gestures.delete(tabId);
    this.limiter.forgetTab(tabId);
    for (const p of this.pending.values()) if (p.tabId === tabId) void this.answer(p.id, false, false);
  }

  private async ask(pending: Pending, fromPopup = false): Promise<void> {
    pending.view = { ...pending.view, id: pending.id };
    // One question per tab at a time: a newer link replaces an older one (a page cannot pile up prompts).
    for (const old of [...this.pending.values()]) {
      if (old.tabId !== pending.tabId) continue;
      this.pending.delete(old.id);
      if (old.prompt) await this.deps.closePrompt(old.prompt).catch(() => undefined);
    }
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    this.pending.set(pending.id, pending);
    this.deps.persist?.();
    this.status(pending.tabId, {
      state: 'asking',
      source: pending.url ?? 'inline',
      step: pending.step,
      reason: t('linkClickFirst'),
    });
    // No window without the reader: it waits for a click or key press in the tab (or the popup's Review).
    if (fromPopup || this.gestures.has(pending.tabId)) await this.showPrompt(pending, fromPopup);
  }

  /** Opens the consent window for a waiting question; `fromPopup`: the reader asked in Literate's own popup. */
  private async showPrompt(pending: Pending, fromPopup: boolean): Promise<void> {
    const source = pending.url ?? 'inline';
    const origin = pending.pageOrigin ?? pending.view.pageOrigin ?? 'unknown';
    if (!fromPopup && !this.limiter.take(pending.tabId, origin)) {
      this.deps.persist?.();
      return this.status(pending.tabId, {
        state: 'asking',
        source,
        step: pending.step,
        reason: t('linkTooOften', origin),
      });
    }
    pending.prompt = { windowId: -1 }; // claimed: a second gesture while the window opens does not open another
    pending.prompt = await this.deps.openPrompt(pending.id).catch(() => null);
    this.deps.persist?.();
    if (!pending.prompt) {
      this.pending.delete(pending.id);
      this.status(pending.tabId, {
        state: 'failed',
        source,
        reason: t('linkNoPromptAsk'),
      });
    }
  }

  /** Stores an accepted pack as a link (URL) or inline source; returns its key. */
  private async keep(
    kind: 'url' | 'inline',
    url: string | null,
    text: string,
    sha256: string,
    pack: Pack,
  ): Promise<string> {
    const store = await this.deps.service.store();
    const source =
      kind === 'url' && url
        ? await store.addSource({ kind: 'link', url })
        : await store.addSource({ kind: 'inline' });
    const record = await store.putPack(source.id === INLINE_SOURCE_ID ? INLINE_SOURCE_ID : source.id, {
      text,
      sha256,
      pack,
      ...(url ? { url } : {}),
    });
    await store.patchSource(source.id, { updatedAt: Date.now(), checkedAt: Date.now(), problems: [] });
    this.deps.service.changed();
    return record.key;
  }

  private loaded(
    tabId: number,
    source: string,
    key: string,
    step: number | null,
    pack: Pack,
    enabled: boolean,
  ): void {
    if (!enabled)
      return this.status(tabId, {
        state: 'failed',
        source,
        packKey: key,
        reason: t('linkSwitchedOff', pack.title),
      });
    const steps = pack.steps?.length ?? 0;
    const valid = step !== null && step < steps ? step : null;
    const reason =
      step !== null && valid === null
        ? t(steps === 1 ? 'linkStepMissingOne' : 'linkStepMissing', step + 1, steps)
        : undefined;
    this.deps.tabs.choose(tabId, key);
    this.status(tabId, { state: 'loaded', source, packKey: key, step: valid, ...(reason ? { reason } : {}) });
  }

  private status(tabId: number, link: LinkStatus): void {
    this.deps.tabs.setLink(tabId, link);
    this.deps.notify(tabId);
  }
}

/** What a "no" covers: the exact link, and the pack's origin (inline packs: inline packs on the page's origin). */
function declineKeys(p: Pending): [string, string | null] {
  const packOrigin = originOf(p.url ?? undefined);
  const pageOrigin = p.pageOrigin ?? p.view.pageOrigin;
  return p.url
    ? [`url:${p.url}`, packOrigin ? `from:${packOrigin}` : null]
    : [`inline:${p.sha256}`, pageOrigin ? `inline-on:${pageOrigin}` : null];
}
