// One row of the outline: a button with the node's name, op chip, output shape and parameters, and the glossary's
// one-line description of what the op does; under it, a line of the active pack's note on the node, and in
// authoring mode a button that pins a new note to the node.

import { t, tn } from '../../../extension/ui/i18n';
import { Fragment } from 'preact';
import { useRef } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import { formatCount } from '../../../extension/ui/format';
import { lookupOp } from '../glossary/lookup';
import { Icon } from '../host/icons';
import { GlossaryLine } from './explain';
import { useAuthorUi } from '../author/author-context';
import { useLinkedMark } from '../pack/pack-context';
import { PackExcerpt } from '../pack/pack-items';
import { formatShape, rowParams, type OutlineRow } from './outline-rows';
import { onTrusted } from '../state/trusted';

export function NodeRow({
  row,
  kind,
  graphId,
  onSelect,
}: {
  row: OutlineRow;
  kind: ModelGraph['kind'];
  graphId: string;
  onSelect(id: string): void;
}) {
  const { node } = row;
  const item = useRef<HTMLLIElement>(null);
  useLinkedMark(item, graphId, node.id);
  const family = lookupOp(node.op, kind)?.family ?? 'other';
  const params = rowParams(row);
  const author = useAuthorUi();
  return (
    <li
      ref={item}
      class="node"
      style={row.depth ? { paddingLeft: `${Math.min(row.depth, 6) * 14}px` } : undefined}
    >
      <button type="button" class="node-button" data-node-id={node.id} onClick={() => onSelect(node.id)}>
        <span class="node-line">
          <NodeName id={node.id} />
          <span class="chip" data-family={family}>
            {node.op}
          </span>
        </span>
        <span class="node-meta">
          {node.outputShape && (
            <span class="mono shape" title={t('rowOutputShape')}>
              {formatShape(node.outputShape)}
            </span>
          )}
          {params > 0 && (
            <span class="num params">
              {formatCount(params)} <span class="muted">{t('rowParams')}</span>
            </span>
          )}
          {row.constants.length > 0 && (
            <span class="muted consts">{tn('rowConstants', row.constants.length)}</span>
          )}
        </span>
        <GlossaryLine node={node} kind={kind} />
        <Icon name="chevron" class="icon chevron" />
      </button>
      {author &&
        (author.binding ? (
          <button
            type="button"
            class="author-btn small node-pin"
            aria-label={t('rowBindLabel', author.binding, node.id)}
            onClick={onTrusted(() => author.bindNode(graphId, node.id))}
          >
            {t('rowBindHere', author.binding)}
          </button>
        ) : (
          <button
            type="button"
            class="author-btn small node-pin"
            aria-label={t('rowPinLabel', node.id)}
            onClick={onTrusted(() => author.pinNode(graphId, node.id))}
          >
            {t('rowPin')}
          </button>
        ))}
      <PackExcerpt graphId={graphId} nodeId={node.id} />
    </li>
  );
}

/** A graph node's name scope in a lighter tone before its own name: 'block1/' 'depthwise'. */
export function NodeName({ id }: { id: string }) {
  const cut = id.lastIndexOf('/', id.length - 2);
  // Line breaks may fall after each '/', so long scopes wrap between their parts, not inside a word.
  const scope = cut > 0 ? id.slice(0, cut + 1).split(/(?<=\/)/) : [];
  return (
    <span class="node-name">
      {scope.length > 0 && (
        <span class="scope">
          {scope.map((part, i) => (
            <Fragment key={i}>
              {part}
              <wbr />
            </Fragment>
          ))}
        </span>
      )}
      {id.slice(cut + 1)}
    </span>
  );
}
