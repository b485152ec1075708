// Authoring mode's controller: on/off, the draft session, the page's models described, pointing (pick mode and
// what it anchors), the next checked selector on offer, pinning notes to outline nodes, and announcements.

import { t } from '../../../extension/ui/i18n';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import {
  addAnnotation,
  emptyAnnotation,
  guardNode,
  nextId,
  nodeTarget,
  pageTarget,
  updateAnnotation,
} from '../../../annotations/author/draft';
import {
  proposeElementAnchor,
  proposeRangeAnchor,
  type AnchorCandidate,
} from '../../../annotations/anchors/generate';
import type { Pack } from '../../../annotations/format/types';
import type { ContentApi } from '../../relay/content-api';
import type { ActionResult } from '../../../protocol/packs-messages';
import type { PacksApi } from '../../relay/packs-api';
import type { AuthorUi } from './author-context';
import { startPicking, type Picked } from './picker';
import { useAuthor, type AuthorSession } from './use-author';

/** What a pick anchors: a new note, or an existing item (re-anchoring). */
export type PickFor = { kind: 'new' } | { kind: 'item'; id: string };

/** An equation's symbol waiting for the reader to choose its node in the outline. */
export interface BindingFor {
  itemId: string;
  symbol: string;
  role: 'output' | 'kernel' | 'bias';
}

export interface Authoring {
  on: boolean;
  setOn(on: boolean): void;
  session: AuthorSession;
  graphs: ModelGraph[];
  /** The page's models have been described (or could not be): null while reading them. */
  described: 'reading' | 'done' | 'failed';
  picking: PickFor | null;
  startPick(forWhat: PickFor): void;
  /** Anchors to the text last selected on the page (mouse or keyboard, e.g. caret browsing): no pointing needed. */
  anchorSelection(forWhat: PickFor): void;
  stopPick(): void;
  binding: BindingFor | null;
  /** The outline's rows offer "Bind <symbol> here" until one is chosen (or `stopBinding`). */
  startBinding(binding: BindingFor): void;
  stopBinding(): void;
  hover: Element | null;
  /** The last announcement (shown in a live region). */
  message: string;
  announce(text: string): void;
  alternatives: { id: string; candidates: AnchorCandidate[]; index: number } | null;
  nextSelector(): void;
  ui: AuthorUi | null;
  /** Id of a field to focus once it renders. */
  focus: string | null;
  focused(): void;
  pageUrl(): string;
  /** For a new version of a stored pack: keeps it in Literate as the reader's own copy ("Your edits"). */
  saveCopy: (() => Promise<ActionResult>) | null;
}

export function pageUrlNow(): string {
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
}

/** The alias a graph has in the pack, adding a model target for it when the pack has none yet. */
function aliasFor(pack: Pack, graph: ModelGraph): { pack: Pack; alias: string } {
  const models = pack.targets.models;
  const known =
    models.find((m) => m.fingerprint === graph.fingerprint) ?? (models.length === 1 ? models[0] : null);
  if (known) return { pack, alias: known.alias };
  let n = models.length + 1;
  while (models.some((m) => m.alias === `model${n}`)) n++;
  const alias = `model${n}`;
  return {
    pack: {
      ...pack,
      targets: { ...pack.targets, models: [...models, { alias, fingerprint: graph.fingerprint }] },
    },
    alias,
  };
}

export function useAuthoring(api: ContentApi, packs: PacksApi | null, host: Element | null): Authoring {
  const session = useAuthor(packs?.drafts);
  const [on, setOn] = useState(false);
  const [graphs, setGraphs] = useState<ModelGraph[]>([]);
  const [described, setDescribed] = useState<Authoring['described']>('reading');
  const [picking, setPicking] = useState<PickFor | null>(null);
  const [binding, setBinding] = useState<BindingFor | null>(null);
  const bindingRef = useRef(binding);
  bindingRef.current = binding;
  const [hover, setHover] = useState<Element | null>(null);
  const [message, setMessage] = useState('');
  const [alternatives, setAlternatives] = useState<Authoring['alternatives']>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const latest = useRef(session);
  latest.current = session;
  const pickingRef = useRef(picking);
  pickingRef.current = picking;

  // The models on the page, described once authoring starts (aliases, fingerprints, nodes for bindings).
  useEffect(() => {
    if (!on) return;
    let live = true;
    const models = api.snapshot().models;
    void Promise.allSettled(models.map((m) => api.describe(m.id))).then((results) => {
      if (!live) return;
      const found = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      setGraphs(found);
      setDescribed(found.length > 0 ? 'done' : 'failed');
    });
    return () => {
      live = false;
    };
  }, [on, api]);

  const apply = (picked: Picked, forWhat: PickFor) => {
    const s = latest.current;
    const pack = s.pack;
    if (!pack) return;
    const proposal =
      picked.kind === 'element' ? proposeElementAnchor(picked.element) : proposeRangeAnchor(picked.range);
    const first = proposal.candidates[0];
    if (!first) {
      const why = proposal.rejected.map((r) => `${r.label}: ${r.reason}`).join('; ');
      setMessage(t('authoringCannotAnchor', why));
      return;
    }
    const target = pageTarget(pageUrlNow(), first.selectors);
    let id: string;
    let next: Pack;
    if (forWhat.kind === 'new') {
      id = nextId(pack, 'note');
      const open = (pack.steps ?? []).find((st) => st.id === s.selected);
      const item = emptyAnnotation('note', id, target);
      next = addAnnotation(pack, open ? { ...item, step: open.id } : item);
    } else {
      id = forWhat.id;
      next = updateAnnotation(pack, id, (a) => ({ ...a, target: { ...a.target, ...target } }));
    }
    s.change(next);
    s.select(id);
    setAlternatives(
      proposal.candidates.length > 1 ? { id, candidates: proposal.candidates, index: 0 } : null,
    );
    setMessage(t('authoringAnchored', id, first.label));
    setPicking(null);
    setFocus(`lt-author-${id}-text`);
  };

  // The page's last text selection (outside the overlay), so a keyboard user can anchor without pointing.
  const lastSelection = useRef<Range | null>(null);
  useEffect(() => {
    if (!on || !host) return;
    const onChange = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!host.contains(range.commonAncestorContainer)) lastSelection.current = range.cloneRange();
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [on, host]);

  // Pick mode: listeners on the page only while pointing, attached in the commit that draws the banner (a layout
  // effect: an Escape pressed the moment the banner shows must stop pointing).
  useLayoutEffect(() => {
    if (!picking || !host) return;
    const forWhat = picking;
    const stop = startPicking({
      host,
      onHover: setHover,
      onPick: (picked) => apply(picked, forWhat),
      onCancel: () => {
        setPicking(null);
        setMessage(t('authoringStopped'));
      },
    });
    return stop;
  }, [picking, host]);

  const ui = useMemo<AuthorUi | null>(
    () =>
      on && session.pack
        ? {
            pinNode: (graphId, nodeId) => {
              const s = latest.current;
              const graph = graphs.find((g) => g.id === graphId);
              const node = graph?.nodes.find((n) => n.id === nodeId);
              if (!s.pack || !graph || !node) {
                setMessage(t('authoringStillDescribing'));
                return;
              }
              const { pack, alias } = aliasFor(s.pack, graph);
              const guarded = guardNode(pack, alias, node);
              const re = pickingRef.current;
              if (re?.kind === 'item') {
                // Re-anchoring an item: the node picked in the outline becomes its target.
                const { model } = nodeTarget(alias, node);
                s.change(updateAnnotation(guarded, re.id, (a) => ({ ...a, target: { ...a.target, model } })));
                s.select(re.id);
                setPicking(null);
                setMessage(t('authoringAnchoredNode', re.id, node.id, node.op));
                return;
              }
              const id = nextId(pack, 'note');
              s.change(addAnnotation(guarded, emptyAnnotation('note', id, nodeTarget(alias, node))));
              s.select(id);
              setMessage(t('authoringPinned', id, node.id, node.op));
              setFocus(`lt-author-${id}-text`);
            },
            pinDiagram: (graphId, part) => {
              // A note on part of the diagram (issue #17): a marker there, listed under the diagram.
              const s = latest.current;
              const graph = graphs.find((g) => g.id === graphId);
              if (!s.pack || !graph) {
                setMessage(t('authoringStillDescribing'));
                return;
              }
              const { pack, alias } = aliasFor(s.pack, graph);
              const id = nextId(pack, 'note');
              const diagram = { type: 'DiagramSelector' as const, model: alias, ...part };
              s.change(addAnnotation(pack, emptyAnnotation('note', id, { diagram })));
              s.select(id);
              const name = 'node' in part ? part.node : t('authoringGroup', part.group);
              setMessage(t('authoringPinnedDiagram', id, name));
              setFocus(`lt-author-${id}-text`);
            },
            binding: binding?.symbol ?? null,
            bindNode: (graphId, nodeId) => {
              const s = latest.current;
              const b = bindingRef.current;
              const graph = graphs.find((g) => g.id === graphId);
              const node = graph?.nodes.find((n) => n.id === nodeId);
              if (!b || !s.pack || !graph || !node) return;
              const { pack, alias } = aliasFor(s.pack, graph);
              const bound = { model: alias, node: node.id, ...(b.role !== 'output' ? { role: b.role } : {}) };
              s.change(
                updateAnnotation(pack, b.itemId, (a) =>
                  a.kind === 'equation'
                    ? {
                        ...a,
                        body: { ...a.body, bindings: { ...(a.body.bindings ?? {}), [b.symbol]: bound } },
                      }
                    : a,
                ),
              );
              s.select(b.itemId);
              setBinding(null);
              setMessage(t('authoringBound', b.symbol, b.role, node.id, node.op));
              setFocus(`lt-author-${b.itemId}-sym`);
            },
          }
        : null,
    [on, session.pack !== null, graphs, binding?.symbol],
  );

  return {
    on,
    setOn: (value) => {
      setOn(value);
      if (!value) {
        setPicking(null);
        setBinding(null);
        session.close();
      }
    },
    session,
    graphs,
    described,
    picking,
    startPick: (forWhat) => {
      setPicking(forWhat);
      setMessage(forWhat.kind === 'item' ? t('authoringPointingFor', forWhat.id) : t('authoringPointing'));
    },
    stopPick: () => setPicking(null),
    anchorSelection: (forWhat) => {
      const range = lastSelection.current;
      if (!range || range.collapsed) {
        setMessage(t('authoringSelectFirst'));
        return;
      }
      apply({ kind: 'range', range }, forWhat);
      lastSelection.current = null;
    },
    hover,
    message,
    announce: setMessage,
    alternatives,
    nextSelector: () => {
      const alt = alternatives;
      const pack = session.pack;
      if (!alt || !pack) return;
      const index = (alt.index + 1) % alt.candidates.length;
      const candidate = alt.candidates[index];
      if (!candidate) return;
      session.change(
        updateAnnotation(pack, alt.id, (a) => ({
          ...a,
          target: { ...a.target, ...pageTarget(pageUrlNow(), candidate.selectors) },
        })),
      );
      setAlternatives({ ...alt, index });
      setMessage(t('authoringNowAnchoredBy', candidate.label));
    },
    ui,
    focus,
    focused: () => setFocus(null),
    binding,
    startBinding: (b) => {
      setPicking(null);
      setBinding(b);
      setMessage(t('authoringChooseNode', b.symbol));
    },
    stopBinding: () => setBinding(null),
    pageUrl: pageUrlNow,
    saveCopy:
      packs && session.draft?.basedOn
        ? async () => {
            const d = latest.current.draft;
            if (!d?.basedOn) return { ok: false, reason: t('authoringNotAVersion') };
            await latest.current.flush();
            return packs
              .saveEdit(d.basedOn, `${JSON.stringify(d.history.present, null, 2)}\n`)
              .catch((e: unknown) => ({ ok: false as const, reason: String(e) }));
          }
        : null,
  };
}
