// The French glossary covers exactly the English one, is written with French typography, translates the words
// inside equations, and is what lookup returns for a French reader (English for everyone else).
import katex from 'katex';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVATION_GLOSSARY } from './activations';
import { GLOSSARY_FR } from './fr';
import { GRAPH_OP_GLOSSARY } from './graph-ops';
import { LAYER_GLOSSARY } from './layers';
import {
  explainNode,
  glossaryColon,
  localizeEntry,
  lookupActivation,
  lookupOp,
  translateTex,
} from './lookup';
import { ONNX_OP_GLOSSARY } from './onnx-ops';
import type { Glossary, GlossaryTexts } from './types';

const TABLES: [string, Glossary, GlossaryTexts][] = [
  ['layers', LAYER_GLOSSARY, GLOSSARY_FR.layers],
  ['graph ops', GRAPH_OP_GLOSSARY, GLOSSARY_FR.graphOps],
  ['onnx ops', ONNX_OP_GLOSSARY, GLOSSARY_FR.onnxOps],
  ['activations', ACTIVATION_GLOSSARY, GLOSSARY_FR.activations],
];

/** Every disagreement between an English table and its French text table, one readable line each. */
function mismatches(table: string, english: Glossary, french: GlossaryTexts): string[] {
  const out: string[] = [];
  for (const [key, entry] of Object.entries(english)) {
    const text = french[key];
    if (!Object.hasOwn(french, key) || !text) out.push(`${table} ${key}: no French entry`);
    else if (!entry.where !== !text.where)
      out.push(`${table} ${key}: 'where' is ${entry.where ? 'missing in French' : 'only in French'}`);
  }
  for (const key of Object.keys(french))
    if (!Object.hasOwn(english, key)) out.push(`${table} ${key}: French entry with no English one`);
  return out;
}

const frenchTexts = TABLES.flatMap(([table, , french]) =>
  Object.entries(french).map(([key, text]) => [`${table} ${key}`, text] as const),
);
const englishTex = TABLES.flatMap(([, english]) => Object.values(english).map((entry) => entry.tex));

describe('French glossary coverage', () => {
  it('has a French entry for every English one and none other, with `where` exactly where English has one', () => {
    expect(TABLES.flatMap(([table, english, french]) => mismatches(table, english, french))).toEqual([]);
  });

  it('would notice a missing entry, an extra entry and a missing or extra `where`', () => {
    const english: Glossary = {
      A: { title: 'A', summary: 'A.', tex: 'a', where: 'w', family: 'other' },
      B: { title: 'B', summary: 'B.', tex: 'b', family: 'other' },
      C: { title: 'C', summary: 'C.', tex: 'c', family: 'other' },
    };
    const french: GlossaryTexts = {
      A: { title: 'A', summary: 'A.' },
      B: { title: 'B', summary: 'B.', where: 'w' },
      Z: { title: 'Z', summary: 'Z.' },
    };
    expect(mismatches('t', english, french)).toEqual([
      "t A: 'where' is missing in French",
      "t B: 'where' is only in French",
      't C: no French entry',
      't Z: French entry with no English one',
    ]);
  });
});

describe('French glossary text', () => {
  it.each(frenchTexts)('%s is a French sentence with French typography', (_name, text) => {
    expect(text.title.length).toBeGreaterThan(1);
    expect(text.summary).toMatch(/^[A-ZÀ-ÖØ-Þ].{15,}\.$/su);
    for (const words of [text.title, text.summary, text.where ?? '']) {
      expect(words).not.toContain("'"); // the typographic apostrophe ’
      expect(words).not.toMatch(/(?<!\u00a0):/); // a non-breaking space before a colon
      expect(words).not.toMatch(/(?<![\u202f\u00a0])[;?!]/); // a narrow one before ; ? !
    }
  });

  it('does not leave English summaries untranslated', () => {
    const same = TABLES.flatMap(([table, english, french]) =>
      Object.entries(english)
        .filter(([key, entry]) => french[key]?.summary === entry.summary)
        .map(([key]) => `${table} ${key}`),
    );
    expect(same).toEqual([]);
  });
});

describe('words inside equations', () => {
  const words = new Set(
    englishTex.flatMap((tex) => [...tex.matchAll(/\\text\{([^{}]*)\}/g)].map((m) => m[1])),
  );

  it('has a French word for every \\text{…} in the English equations, and none unused', () => {
    expect([...words].filter((w) => w !== undefined && !Object.hasOwn(GLOSSARY_FR.texWords, w))).toEqual([]);
    expect(Object.keys(GLOSSARY_FR.texWords).filter((w) => !words.has(w))).toEqual([]);
  });

  it('swaps only \\text{…} contents it knows, and KaTeX renders every translated equation without trust', () => {
    expect(translateTex(String.raw`0 & \text{otherwise} \\ \text{zorp}`, GLOSSARY_FR.texWords)).toBe(
      String.raw`0 & \text{sinon} \\ \text{zorp}`,
    );
    for (const tex of englishTex) {
      const french = translateTex(tex, GLOSSARY_FR.texWords);
      expect(() =>
        katex.renderToString(french, {
          displayMode: true,
          throwOnError: true,
          trust: false,
          strict: 'error',
        }),
      ).not.toThrow();
    }
  });
});

describe('lookup in the reader’s language', () => {
  const i18n = (globalThis as unknown as { chrome: { i18n: { getUILanguage: () => string } } }).chrome.i18n;
  const english = i18n.getUILanguage;
  afterEach(() => {
    i18n.getUILanguage = english;
  });

  it('returns French for a French reader, in any regional variant', () => {
    for (const language of ['fr', 'fr-CA', 'fr_BE']) {
      i18n.getUILanguage = () => language;
      const conv = lookupOp('Conv2D', 'layers');
      expect(conv).toMatchObject({ title: 'Convolution 2D', lang: 'fr', family: 'convolution' });
      expect(conv?.tex).toBe(LAYER_GLOSSARY.Conv2D?.tex);
      expect(conv?.where).toBe(GLOSSARY_FR.layers.Conv2D?.where);
    }
    expect(lookupOp('FusedBatchNormV3', 'graph')?.title).toBe('Normalisation par lots');
    expect(lookupOp('Gemm', 'graph')?.summary).toMatch(/^Chaque sortie/);
    expect(lookupActivation('hard_sigmoid')).toMatchObject({ title: 'Sigmoïde dure', lang: 'fr' });
    expect(lookupOp('Dropout', 'layers')?.tex).toContain(String.raw`\text{(prédiction)}`);
    expect(explainNode({ op: 'Activation', attrs: { activation: 'softmax' } }, 'layers').op?.title).toBe(
      'Activation\u00a0: Softmax',
    );
    const dense = explainNode({ op: 'Dense', attrs: { activation: 'relu' } }, 'layers');
    expect(dense.op?.title).toBe('Couche dense');
    expect(dense.activation?.entry).toMatchObject({ lang: 'fr', summary: expect.stringMatching(/^Garde/) });
    expect(glossaryColon('fr')).toBe('\u00a0: ');
  });

  it('returns English for every other reader', () => {
    for (const language of ['en', 'en-GB', 'de', '']) {
      i18n.getUILanguage = () => language;
      expect(lookupOp('Conv2D', 'layers')).toMatchObject({ title: '2-D convolution', lang: 'en' });
      expect(lookupOp('Dropout', 'layers')?.tex).toBe(LAYER_GLOSSARY.Dropout?.tex);
    }
    expect(explainNode({ op: 'Activation', attrs: { activation: 'softmax' } }, 'layers').op?.title).toBe(
      'Activation: Softmax',
    );
    expect(glossaryColon('en')).toBe(': ');
  });

  it('falls back to the whole English entry where a translation lacks the words or disagrees about `where`', () => {
    const entry = LAYER_GLOSSARY.Conv2D!;
    expect(localizeEntry(entry, undefined, GLOSSARY_FR)).toEqual({ ...entry, lang: 'en' });
    expect(localizeEntry(entry, { title: 'Convolution 2D', summary: 'Glisse.' }, GLOSSARY_FR)).toEqual({
      ...entry,
      lang: 'en',
    });
    expect(
      localizeEntry(entry, { title: 'Convolution 2D', summary: 'Glisse.', where: 'W…' }, GLOSSARY_FR),
    ).toMatchObject({ title: 'Convolution 2D', summary: 'Glisse.', where: 'W…', tex: entry.tex, lang: 'fr' });
  });
});
