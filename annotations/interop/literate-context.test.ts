// The published JSON-LD context keeps Literate's own fields: a JSON-LD processor (jsonld.js) expands packs with it
// and finds every Literate field as an IRI in Literate's namespace, its value kept verbatim as a JSON literal.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
// @ts-expect-error jsonld ships no type declarations; the test uses only jsonld.expand.
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { arbPack } from '../format/testing/arbitrary-pack';
import { LITERATE_CONTEXT, W3C_ANNO_CONTEXT, type Pack } from '../format/types';

const LIT = 'https://literate.dev/ns/pack/1#';
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const context = read('./literate-context.jsonld') as { '@context': Record<string, unknown> };
const schema = read('../format/pack.schema.json');
const example = read('../format/fixtures/example-pack.json') as Pack;

/**
 * Offline stand-in for http://www.w3.org/ns/anno.jsonld: the W3C terms packs use, with the IRIs the W3C context
 * gives them. Literate's context must leave exactly these to the W3C.
 */
const W3C_TERMS: Record<string, unknown> = {
  oa: 'http://www.w3.org/ns/oa#',
  as: 'https://www.w3.org/ns/activitystreams#',
  id: '@id',
  type: '@type',
  body: { '@id': 'oa:hasBody', '@type': '@id' },
  target: { '@id': 'oa:hasTarget', '@type': '@id' },
  source: { '@id': 'oa:hasSource', '@type': '@id' },
  selector: { '@id': 'oa:hasSelector', '@type': '@id' },
  refinedBy: { '@id': 'oa:refinedBy', '@type': '@id' },
  exact: 'oa:exact',
  prefix: 'oa:prefix',
  suffix: 'oa:suffix',
  start: 'oa:start',
  end: 'oa:end',
  value: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value',
  format: 'http://purl.org/dc/elements/1.1/format',
  language: 'http://purl.org/dc/elements/1.1/language',
  motivation: { '@id': 'oa:motivatedBy', '@type': '@vocab' },
  items: { '@id': 'as:items', '@type': '@id', '@container': '@list' },
  label: 'http://www.w3.org/2000/01/rdf-schema#label',
  name: 'http://xmlns.com/foaf/0.1/name',
};

function loader(literateContext: unknown) {
  return async (url: string) => {
    const document =
      url === LITERATE_CONTEXT
        ? literateContext
        : url === W3C_ANNO_CONTEXT
          ? { '@context': W3C_TERMS }
          : undefined;
    if (!document) throw new Error(`no network in tests: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}

type Node = Record<string, unknown>;
const expand = async (pack: Pack, literateContext: unknown = context): Promise<Node> =>
  (
    (await jsonld.expand(pack, { documentLoader: loader(literateContext), base: 'urn:test:' })) as Node[]
  )[0] ?? {};

/** Every property name the pack schema allows. */
function schemaProperties(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => schemaProperties(v, out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) {
      if (key === 'properties' && typeof child === 'object' && child !== null)
        Object.keys(child).forEach((k) => out.add(k));
      schemaProperties(child, out);
    }
  return out;
}

/** The expanded value of a Literate field: its JSON literal. */
function literal(node: Node, field: string): unknown {
  const values = node[`${LIT}${field}`] as { '@value': unknown; '@type': string }[] | undefined;
  expect(values, `${field} kept as ${LIT}${field}`).toBeDefined();
  expect(values?.[0]?.['@type']).toBe('@json');
  return values?.[0]?.['@value'];
}

const literateFields = (record: object): string[] =>
  Object.keys(record).filter((k) => k !== '@context' && !(k in W3C_TERMS));

describe('literate-context.jsonld', () => {
  it('defines every field of the pack schema that the W3C context does not, and none that it does', () => {
    const terms = context['@context'];
    for (const key of schemaProperties(schema)) {
      if (key === '@context' || key in W3C_TERMS) expect(terms, key).not.toHaveProperty(key);
      else expect(terms[key], key).toEqual({ '@id': `lit:${key}`, '@type': '@json' });
    }
  });

  it("keeps the example pack's Literate fields as IRIs, with their values verbatim", async () => {
    const node = await expand(example);
    for (const field of literateFields(example))
      expect(literal(node, field)).toEqual(example[field as keyof Pack]);
    const items = (node['https://www.w3.org/ns/activitystreams#items'] as { '@list': Node[] }[])[0]?.[
      '@list'
    ];
    expect(items).toHaveLength(example.items.length);
    example.items.forEach((item, i) => {
      for (const field of literateFields(item))
        expect(literal(items?.[i] ?? {}, field)).toEqual(item[field as keyof typeof item]);
    });
  });

  it('keeps them on generated packs', async () => {
    await fc.assert(
      fc.asyncProperty(arbPack(), async (pack) => {
        const node = await expand(pack);
        for (const field of literateFields(pack))
          expect(literal(node, field)).toEqual(pack[field as keyof Pack]);
      }),
      { numRuns: 200 },
    );
  });

  it('is what keeps them: without it a JSON-LD processor drops them', async () => {
    const node = await expand(example, { '@context': {} });
    expect(Object.keys(node).some((key) => key.startsWith(LIT))).toBe(false);
    expect(node).not.toHaveProperty(`${LIT}targets`);
  });
});
