// The text of a DOM subtree as one string, with the map back from character offsets to DOM positions, so text
// selectors can be matched as strings and turned into Ranges. Works in jsdom and in browsers.

/** Elements whose text a reader never sees; their text is left out of offsets and quotes. */
const HIDDEN_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without needing a window global

export interface TextIndex {
  root: Node;
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

export function buildTextIndex(root: Node): TextIndex {
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && HIDDEN_TEXT_PARENTS.has(node.parentElement.tagName.toUpperCase())) continue;
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  return { root, text, nodes, starts };
}

/** The text node and offset inside it for a character offset (the end of a node for `end` positions). */
function locate(
  index: TextIndex,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number } | undefined {
  let low = 0;
  let high = index.nodes.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = index.starts[mid] as number;
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  const node = index.nodes[low] as Text;
  return { node, offset: Math.min(offset - (index.starts[low] as number), node.data.length) };
}

/** A DOM Range over [start, end) of the index's text. */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range | undefined {
  if (start < 0 || end > index.text.length || end < start) return undefined;
  const from = locate(index, start, false);
  const to = locate(index, end, true);
  if (!from || !to) return undefined;
  const doc = index.root.nodeType === 9 ? (index.root as Document) : (index.root.ownerDocument as Document);
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Character offsets of a Range within the index's text (for describing a reader's selection). */
export function offsetsOfRange(index: TextIndex, range: Range): { start: number; end: number } | undefined {
  const offsetOf = (container: Node, offset: number): number | undefined => {
    const i = index.nodes.indexOf(container as Text);
    if (i >= 0) return (index.starts[i] as number) + offset;
    // An element boundary: count the text of the nodes before the boundary child.
    const boundary = container.childNodes[offset] ?? null;
    let total = 0;
    for (let n = 0; n < index.nodes.length; n++) {
      const node = index.nodes[n] as Text;
      const before = boundary
        ? (boundary.compareDocumentPosition(node) & 2) !== 0 // node precedes boundary
        : container.contains(node) || (container.compareDocumentPosition(node) & 2) !== 0;
      if (!before) break;
      total = (index.starts[n] as number) + node.data.length;
    }
    return total;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return start === undefined || end === undefined ? undefined : { start, end };
}
