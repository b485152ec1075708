// What the outline needs from authoring mode: whether it is on, the action "Pin a note to this node", and while an
// equation's symbol waits for its tensor, the action "Bind this symbol to this node".
// Null outside authoring mode, so outline rows show no authoring controls to readers.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface AuthorUi {
  pinNode(graphId: string, nodeId: string): void;
  /** Pins a note to a node or group of the diagram (a diagram anchor); absent where authoring cannot. */
  pinDiagram?(graphId: string, part: { node: string } | { group: string }): void;
  /** The symbol an equation is binding from the outline (its rows then offer "Bind … here"), or null. */
  binding: string | null;
  bindNode(graphId: string, nodeId: string): void;
}

export const AuthorContext = createContext<AuthorUi | null>(null);

export function useAuthorUi(): AuthorUi | null {
  return useContext(AuthorContext);
}
