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
