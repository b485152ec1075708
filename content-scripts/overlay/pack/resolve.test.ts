// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { clampStep, progressText, stepFocus } from '../tour/tour-focus';
import { bindingsOf, byNode, nodeKey, pageAnchorAlive, resolvePack, resolveStepTarget } from './resolve';
import { TEST_GRAPH, TEST_PAGE, testPack } from './test-fixtures';

const MATCH = {
  complete: true,
  bindings: [
    {
      alias: 'm',
      graphId: 'm1',
      score: 0.3,
      evidence: 'only-model' as const,
      stale: false,
      optional: false,
      reasons: [],
    },
  ],
};
const graphs = new Map([['m1', TEST_GRAPH]]);

beforeEach(() => {
  document.body.innerHTML = TEST_PAGE;
});

describe('resolvePack', () => {
  it('places page and model anchors, and orphans what points at nothing, with the reason', () => {
    const pack = testPack();
    const { placed, orphans } = resolvePack(pack, bindingsOf(pack, MATCH, graphs), document.body);
    expect(placed.map((p) => p.annotation.id)).toEqual([
      'intro',
      'title-note',
      'quote-note',
      'hidden-note',
      'eq-hidden',
      'probs-note',
    ]);
    const title = placed.find((p) => p.annotation.id === 'title-note')!;
    expect(title.page?.element.id).toBe('title');
    const quote = placed.find((p) => p.annotation.id === 'quote-note')!;
    expect(quote.page?.range.toString()).toBe('The network guesses');
    const probs = placed.find((p) => p.annotation.id === 'probs-note')!;
    expect([probs.page?.element.id, probs.model?.node?.id, probs.alias]).toEqual(['bars', 'probs', 'm']);
    expect(orphans.map((o) => [o.annotation.id, o.reasons])).toEqual([
      ['broken-css', ["page: no element matches CSS '#no-such-element'"]],
      ['broken-node', [expect.stringMatching(/^model: no node named dense_9/)]],
    ]);
  });

  it('orphans every model annotation when its alias is bound to no model, saying so', () => {
    const pack = testPack();
    const unbound = {
      complete: false,
      bindings: [{ ...MATCH.bindings[0]!, graphId: null, reasons: ['no model'] }],
    };
    const { orphans } = resolvePack(pack, bindingsOf(pack, unbound, graphs), document.body);
    expect(orphans.find((o) => o.annotation.id === 'hidden-note')?.reasons).toEqual([
      "model: model 'm' is not on this page (no model)",
    ]);
  });

  it('groups model annotations by node, and notices when a page anchor leaves the document', () => {
    const pack = testPack();
    const { placed } = resolvePack(pack, bindingsOf(pack, MATCH, graphs), document.body);
    const nodes = byNode(placed);
    expect(nodes.get(nodeKey('m1', 'hidden'))?.map((p) => p.annotation.id)).toEqual([
      'hidden-note',
      'eq-hidden',
    ]);
    const title = placed.find((p) => p.annotation.id === 'title-note')!.page!;
    expect(pageAnchorAlive(title)).toBe(true);
    document.getElementById('title')!.remove();
    expect(pageAnchorAlive(title)).toBe(false);
  });
});

describe('per-page notes (target.pages)', () => {
  const perPage = () =>
    testPack([
      {
        id: 'camera-only',
        type: 'Annotation',
        motivation: 'commenting',
        kind: 'note',
        body: { type: 'TextualBody', format: 'text/markdown', value: 'The camera.' },
        target: {
          pages: ['http://127.0.0.1/camera.html'],
          selector: [{ type: 'CssSelector', value: '#video' }],
        },
      },
      {
        id: 'here-too',
        type: 'Annotation',
        motivation: 'commenting',
        kind: 'note',
        body: { type: 'TextualBody', format: 'text/markdown', value: 'The title.' },
        target: { pages: ['http://127.0.0.1/*.html'], selector: [{ type: 'CssSelector', value: '#title' }] },
      },
      {
        id: 'camera-and-model',
        type: 'Annotation',
        motivation: 'commenting',
        kind: 'note',
        body: { type: 'TextualBody', format: 'text/markdown', value: 'The camera feeds this layer.' },
        target: {
          pages: ['http://127.0.0.1/camera.html'],
          selector: [{ type: 'CssSelector', value: '#video' }],
          model: { type: 'ModelNodeSelector', node: 'hidden' },
        },
      },
    ]);

  it('does not look for another page’s notes: they are neither placed nor orphans', () => {
    const pack = perPage();
    const r = resolvePack(pack, bindingsOf(pack, MATCH, graphs), document.body, 'http://127.0.0.1/coco.html');
    expect(r.elsewhere.map((e) => e.annotation.id)).toEqual(['camera-only']);
    expect(r.orphans.map((o) => o.annotation.id)).toEqual(['broken-css', 'broken-node']);
    const here = r.placed.find((p) => p.annotation.id === 'here-too')!;
    expect(here.page?.element.id).toBe('title');
    // Its model part still holds on this page; its page part is for the camera page only.
    const both = r.placed.find((p) => p.annotation.id === 'camera-and-model')!;
    expect([both.page, both.model?.node?.id]).toEqual([null, 'hidden']);
  });

  it('on their own page, looks for them as usual (an absent element is an orphan there)', () => {
    const pack = perPage();
    const r = resolvePack(
      pack,
      bindingsOf(pack, MATCH, graphs),
      document.body,
      'http://127.0.0.1/camera.html',
    );
    expect(r.elsewhere).toEqual([]);
    expect(r.orphans.map((o) => o.annotation.id)).toEqual([
      'broken-css',
      'broken-node',
      'camera-only',
      'camera-and-model',
    ]);
  });
});

describe('tour steps', () => {
  it('focus on the placed highlights, their page anchors and the first model node', () => {
    const pack = testPack();
    const bindings = bindingsOf(pack, MATCH, graphs);
    const { placed } = resolvePack(pack, bindings, document.body);
    const [s1, s2, s3] = pack.steps!;
    expect(stepFocus(s1!, placed, null)).toMatchObject({ node: null, missing: [] });
    expect(stepFocus(s1!, placed, null).pageAnchors.map((a) => a.text)).toEqual([
      'Tiny demo',
      'The network guesses',
    ]);
    expect(stepFocus(s2!, placed, null).node).toEqual({ graphId: 'm1', nodeId: 'hidden' });
    const third = stepFocus(s3!, placed, null);
    expect(third.node).toEqual({ graphId: 'm1', nodeId: 'probs' });
    expect(third.missing).toEqual(['broken-css']);
    const extra = resolveStepTarget(
      { id: 'x', title: 'x', target: { selector: [{ type: 'CssSelector', value: '#bars' }] } },
      bindings,
      document.body,
    );
    expect(stepFocus({ id: 'x', title: 'x' }, placed, extra).pageAnchors[0]?.element.id).toBe('bars');
  });

  it('clamp a linked step into range and say where the reader is', () => {
    expect(clampStep(7, 3)).toBe(2);
    expect(clampStep(-1, 3)).toBe(0);
    expect(clampStep(null, 3)).toBe(0);
    expect(clampStep(1.7, 3)).toBe(1);
    expect(progressText(1, 6)).toBe('Step 2 of 6');
  });
});
