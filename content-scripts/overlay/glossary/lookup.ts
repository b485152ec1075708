// Finds the built-in explanation for a node, in the reader's language: by layer class or graph op (tolerating
// version suffixes, fused-op prefixes and case), plus the explanation of the activation a layer names in its
// attributes. English is the glossary's source and the fallback for any word a translation lacks.

import { uiLanguage } from '../../../extension/ui/i18n';
import { ACTIVATION_GLOSSARY } from './activations';
import { GLOSSARY_FR } from './fr';
import { GRAPH_OP_GLOSSARY } from './graph-ops';
import { LAYER_GLOSSARY } from './layers';
import { ONNX_OP_GLOSSARY } from './onnx-ops';
import type { Glossary, GlossaryEntry, GlossaryTexts, GlossaryTranslation } from './types';

export type ModelKind = 'layers' | 'graph';

/** An entry as shown: its words in `lang` (the reader's language where the glossary has it, else English). */
export interface ShownEntry extends GlossaryEntry {
  lang: string;
}

type TableName = 'layers' | 'graphOps' | 'onnxOps' | 'activations';

/** The translations the glossary has, by primary language subtag. */
const TRANSLATIONS: Readonly<Record<string, GlossaryTranslation>> = { fr: GLOSSARY_FR };

const ENGLISH_TABLES: Readonly<Record<TableName, Glossary>> = {
  layers: LAYER_GLOSSARY,
  graphOps: GRAPH_OP_GLOSSARY,
  onnxOps: ONNX_OP_GLOSSARY,
  activations: ACTIVATION_GLOSSARY,
};

/** Ops are matched without case or leading underscores (`_FusedConv2D` and `__FusedConv2D` alike). */
const opKey = (name: string) => name.toLowerCase().replace(/^_+/, '');
/** Activations are spelled both ways: tf.js 'hardSigmoid', Keras 'hard_sigmoid'. */
const activationKey = (name: string) => name.toLowerCase().replace(/_/g, '');

/** The translation for the reader's UI language, or null when the glossary is read in English. */
function translation(): GlossaryTranslation | null {
  const primary = uiLanguage().toLowerCase().split(/[-_]/)[0] ?? '';
  return TRANSLATIONS[primary] ?? null;
}

/** The English equation with its `\text{…}` words in the translation's language (unknown words stay). */
export function translateTex(tex: string, words: Readonly<Record<string, string>>): string {
  return tex.replace(/\\text\{([^{}]*)\}/g, (whole, word: string) =>
    Object.hasOwn(words, word) ? `\\text{${words[word]}}` : whole,
  );
}

/** One entry in the translation's words; English (whole) where the text is missing or disagrees about `where`. */
export function localizeEntry(
  entry: GlossaryEntry,
  text: GlossaryTexts[string] | undefined,
  to: GlossaryTranslation,
): ShownEntry {
  if (!text || !text.where !== !entry.where) return { ...entry, lang: 'en' };
  const shown: ShownEntry = {
    ...entry,
    title: text.title,
    summary: text.summary,
    tex: translateTex(entry.tex, to.texWords),
    lang: to.lang,
  };
  if (text.where) shown.where = text.where;
  return shown;
}

/** A table's entries by matching key, in one language; built once per language on first use. */
const indexes = new Map<string, Map<string, ShownEntry>>();
function indexOf(table: TableName, to: GlossaryTranslation | null): Map<string, ShownEntry> {
  const id = `${to?.lang ?? 'en'} ${table}`;
  let index = indexes.get(id);
  if (!index) {
    const key = table === 'activations' ? activationKey : opKey;
    const texts = to?.[table];
    index = new Map(
      Object.entries(ENGLISH_TABLES[table]).map(([name, entry]) => [
        key(name),
        to && texts
          ? localizeEntry(entry, Object.hasOwn(texts, name) ? texts[name] : undefined, to)
          : { ...entry, lang: 'en' },
      ]),
    );
    indexes.set(id, index);
  }
  return index;
}

/** Names to try for an op, most specific first: as is, then without a version suffix (`FusedBatchNormV3`). */
function candidates(op: string): string[] {
  const key = opKey(op);
  const unversioned = key.replace(/v\d+$/, '');
  return unversioned !== key ? [key, unversioned] : [key];
}

/** The entry for a layer class or graph op; the model's own kind is searched first (Conv2D means both). */
export function lookupOp(op: string, kind: ModelKind = 'layers'): ShownEntry | null {
  // ONNX models are graphs too: their own op names (Conv, Gemm, GlobalAveragePool …) come after TensorFlow's.
  const names: TableName[] =
    kind === 'graph' ? ['graphOps', 'onnxOps', 'layers'] : ['layers', 'graphOps', 'onnxOps'];
  const to = translation();
  const order = names.map((name) => indexOf(name, to));
  for (const name of candidates(op)) {
    for (const table of order) {
      const hit = table.get(name);
      if (hit) return hit;
    }
  }
  return null;
}

export function lookupActivation(name: string): ShownEntry | null {
  return indexOf('activations', translation()).get(activationKey(name)) ?? null;
}

/** What joins a name to its explanation in `lang` ("ReLU: keeps …", « ReLU : garde … »). */
export function glossaryColon(lang: string): string {
  return Object.values(TRANSLATIONS).find((to) => to.lang === lang)?.colon ?? ': ';
}

export interface NodeExplanation {
  op: ShownEntry | null;
  /** The activation the node applies after its main computation, when it names one other than linear. */
  activation: { name: string; entry: ShownEntry | null } | null;
}

/** Explains a node from its op and attributes (activation, fused_ops). */
export function explainNode(
  node: { op: string; attrs: Record<string, unknown> },
  kind: ModelKind,
): NodeExplanation {
  const op = lookupOp(node.op, kind);
  let activationName: string | null = null;
  const attr = node.attrs.activation;
  if (typeof attr === 'string' && attr.toLowerCase() !== 'linear' && node.op !== 'Activation') {
    activationName = attr;
  }
  const fused = node.attrs.fused_ops;
  if (Array.isArray(fused)) {
    const act = fused.find((f) => typeof f === 'string' && !/^(biasadd|add|fusedbatchnorm)/i.test(f));
    if (typeof act === 'string') activationName = act;
  }
  if (node.op === 'Activation' && typeof attr === 'string') {
    const entry = lookupActivation(attr);
    if (!entry) return { op, activation: null };
    const to = TRANSLATIONS[entry.lang];
    const title = to ? to.activationTitle(entry.title) : `Activation: ${entry.title}`;
    return { op: { ...entry, title }, activation: null };
  }
  return {
    op,
    activation: activationName ? { name: activationName, entry: lookupActivation(activationName) } : null,
  };
}
