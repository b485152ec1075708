// Why: the reader's edited copy of a pack comes from a content script, which a hostile page (or a compromised
// renderer) may drive; it is kept pending and shown to the reader in an extension page, and only the reader's answer
// there stores it. These are the records that page is shown.

/** What an edited copy changes, next to the pack it is a new version of. */
export interface EditSummary {
  title: string;
  version: string;
  authors: string[];
  /** Page patterns of the edit: those the original has too, and those it adds (where it would newly show). */
  pages: { kept: string[]; added: string[] };
  /** Item ids added, removed and changed against the original. */
  items: { added: string[]; removed: string[]; changed: string[] };
  steps: number;
  /** The pack's id changed: it would no longer be a version of the original. */
  idChanged: boolean;
}

/** An edited copy waiting for the reader in the confirmation window. */
export interface EditView {
  id: string;
  /** The page it was written on (origin + path), as the browser reported the sending frame. */
  page: string | null;
  original: { key: string; title: string; version: string; source: string } | null;
  summary: EditSummary;
  /** An edited copy of the same pack is stored already: confirming replaces it. */
  replaces: boolean;
  at: number;
}
