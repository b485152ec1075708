import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbPack } from '../format/testing/arbitrary-pack';
import type { NoteAnnotation, Pack } from '../format/types';
import { validatePack } from '../format/validate';
import { escapeMarkdown, exportW3C, importW3C } from './w3c';

const example: Pack = JSON.parse(
  readFileSync(new URL('../format/fixtures/example-pack.json', import.meta.url), 'utf8'),
);

describe('exportW3C', () => {
  it('writes page-anchored notes as a plain W3C AnnotationCollection and lists what it skips', () => {
    const { collection, skipped } = exportW3C(example);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: example.title,
      total: 1,
      rights: 'https://spdx.org/licenses/CC-BY-4.0.html',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://example.org/packs/mnist-cnn#intro',
            type: 'Annotation',
            motivation: 'commenting',
            body: {
              type: 'TextualBody',
              format: 'text/markdown',
              value: (example.items[0] as NoteAnnotation).body.value,
            },
            target: {
              source: 'https://*.example.org/mnist/*',
              selector: { type: 'CssSelector', value: '#canvas' },
            },
          },
        ],
      },
    });
    expect(skipped.map((s) => s.id)).toEqual(['conv-eq', 'maps', 'seven', 'shape-check', 'shift-check']);
    expect(JSON.stringify(collection)).not.toContain('literate');
  });
});

describe('importW3C', () => {
  it('imports Hypothesis-style annotations with quote and position selectors', () => {
    const input = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hyp.example/a/Xy12',
          type: 'Annotation',
          motivation: 'commenting',
          body: [
            { type: 'TextualBody', value: 'Use *care* with {{this}}', format: 'text/plain' },
            { type: 'TextualBody', value: 'tag', purpose: 'tagging' },
          ],
          target: {
            source: 'https://demo.example.org/page.html#section',
            selector: [
              { type: 'RangeSelector', startSelector: {}, endSelector: {} },
              { type: 'TextPositionSelector', start: 10, end: 20 },
              { type: 'TextQuoteSelector', exact: 'the layer', prefix: 'see ', suffix: ' here' },
            ],
          },
        },
        {
          id: 'x2',
          type: 'Annotation',
          body: { type: 'TextualBody', value: '<b>bold</b> &amp; more', format: 'text/html' },
          target: {
            source: 'https://demo.example.org/page.html',
            selector: {
              type: 'CssSelector',
              value: '#a',
              refinedBy: { type: 'TextQuoteSelector', exact: 'x' },
            },
          },
        },
        {
          id: 'x3',
          type: 'Annotation',
          body: { type: 'TextualBody', value: 'no selector' },
          target: 'https://demo.example.org/page.html',
        },
        {
          id: 'x4',
          type: 'Annotation',
          target: {
            source: 'https://demo.example.org/',
            selector: { type: 'XPathSelector', value: '/html' },
          },
          body: { value: 'x', type: 'TextualBody' },
        },
        'junk',
      ],
    };
    const { pack, skipped, errors } = importW3C(input, { title: 'Imported', license: 'MIT' });
    expect(errors).toEqual([]);
    expect(pack.targets.pages).toEqual(['https://demo.example.org/page.html']);
    expect(pack.items).toHaveLength(2);
    expect(pack.items[0]).toMatchObject({
      id: 'Xy12',
      kind: 'note',
      body: { value: 'Use \\*care\\* with \\{\\{this\\}\\}' },
      target: {
        source: 'https://demo.example.org/page.html#section',
        selector: [
          { type: 'TextPositionSelector', start: 10, end: 20 },
          { type: 'TextQuoteSelector', exact: 'the layer', prefix: 'see ', suffix: ' here' },
        ],
      },
    });
    expect((pack.items[1] as NoteAnnotation).body.value).toBe('bold & more');
    expect(pack.items[1]?.target?.selector?.[0]).toEqual({
      type: 'CssSelector',
      value: '#a',
      refinedBy: { type: 'TextQuoteSelector', exact: 'x' },
    });
    expect(skipped.map((s) => s.reason)).toEqual([
      'no CssSelector, TextQuoteSelector or TextPositionSelector target',
      'no CssSelector, TextQuoteSelector or TextPositionSelector target',
      'not an annotation object',
    ]);
  });

  it('round-trips page-anchored notes: export then import keeps text, selectors, motivation, authors and license', () => {
    fc.assert(
      fc.property(arbPack(), (pack) => {
        const { collection } = exportW3C(pack);
        const { pack: imported, errors } = importW3C(collection, { page: 'https://*.example.org/demo/*' });
        expect(errors).toEqual([]);
        const notes = pack.items.filter(
          (a): a is NoteAnnotation => a.kind === 'note' && (a.target?.selector?.length ?? 0) > 0,
        );
        expect(
          imported.items.map((a) => [a.motivation, (a as NoteAnnotation).body.value, a.target?.selector]),
        ).toEqual(
          notes.map((a) => [a.motivation, a.body.value.replace(/\{\{/g, '\\{{'), a.target?.selector]),
        );
        expect(imported.authors.map((a) => a.name)).toEqual(pack.authors.map((a) => a.name));
        expect(imported.license).toBe(pack.license);
        expect(validatePack(imported).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('escapes Markdown so plain text shows the same characters', () => {
    expect(escapeMarkdown('a*b_[c](d) #1 $x$')).toBe('a\\*b\\_\\[c\\]\\(d\\) \\#1 \\$x\\$');
  });
});
