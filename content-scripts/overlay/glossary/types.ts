// The shape of one glossary entry: the plain-language line and the equation the outline shows for an op or layer.

/** Broad families: they pick the colour of a node's chip and which live view suits the node. */
export type OpFamily =
  | 'input'
  | 'constant'
  | 'convolution'
  | 'dense'
  | 'activation'
  | 'normalization'
  | 'pooling'
  | 'reshape'
  | 'merge'
  | 'arithmetic'
  | 'reduction'
  | 'regularization'
  | 'recurrent'
  | 'embedding'
  | 'resize'
  | 'model'
  | 'other';

export interface GlossaryEntry {
  /** A readable name ("2-D convolution"), shown beside the op or class name. */
  title: string;
  /** One sentence in plain language: what the op does to its input. */
  summary: string;
  /** Display-mode TeX for KaTeX (rendered with trust: false); built-in text, never from a page or a pack. */
  tex: string;
  /** What the symbols in `tex` stand for, in words. */
  where?: string;
  family: OpFamily;
}

export type Glossary = Readonly<Record<string, GlossaryEntry>>;

/** The words of an entry in another language (glossary/fr/): the equation, family and keys stay the English table's. */
export type GlossaryText = Pick<GlossaryEntry, 'title' | 'summary' | 'where'>;

/** A language's words for one glossary table, keyed exactly as the English table. */
export type GlossaryTexts = Readonly<Record<string, GlossaryText>>;

/** Everything one language adds to the glossary: a text table per English table, and the words inside equations. */
export interface GlossaryTranslation {
  /** BCP 47 language of the text, set as `lang` on what shows it (a screen reader picks its voice from it). */
  lang: string;
  layers: GlossaryTexts;
  graphOps: GlossaryTexts;
  onnxOps: GlossaryTexts;
  activations: GlossaryTexts;
  /** English `\text{…}` content → this language's; every `\text` in the English equations has an entry. */
  texWords: Readonly<Record<string, string>>;
  /** The title of an Activation layer that names its function ("Activation: ReLU"). */
  activationTitle(name: string): string;
  /** What joins a name to its explanation ("ReLU: keeps …"), with the language's spacing. */
  colon: string;
}
