// Live thumbnails for the diagram: one ThumbFeed while the diagram is mounted, told which nodes are on screen;
// each frame is painted into its node's canvas at the next animation frame. Unmounted, nothing is subscribed.

import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import type { TapFrame } from '../../../protocol/bridge';
import { floatValues } from '../../../model/tensor-values';
import { nodeLayout } from '../../../model/data-layout';
import type { ContentApi } from '../../relay/content-api';
import { BudgetContext } from '../state/budget';
import { putPixels } from '../views/canvas';
import { ThumbFeed } from './live-thumbs';
import { paintThumbnail } from './thumbnail';

export interface Thumbs {
  canvasRef(nodeId: string, el: HTMLCanvasElement | null): void;
  setVisible(nodeIds: readonly string[]): void;
  /** Why the page stopped the live values, when it did. */
  ended: string | null;
}

export function useThumbs(
  api: Pick<ContentApi, 'subscribe'>,
  graph: ModelGraph,
  gate: { current: Element | null },
): Thumbs {
  const budget = useContext(BudgetContext);
  const budgetRef = useRef(budget);
  budgetRef.current = budget;
  const canvases = useRef(new Map<string, HTMLCanvasElement>());
  const feed = useRef<ThumbFeed | null>(null);
  const visible = useRef<readonly string[]>([]);
  const [ended, setEnded] = useState<string | null>(null);

  useEffect(() => {
    if (!gate.current) return;
    const pending = new Map<string, TapFrame>();
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    let raf = 0;
    const paint = () => {
      raf = 0;
      for (const [nodeId, frame] of pending) {
        const canvas = canvases.current.get(nodeId);
        const thumb = canvas
          ? paintThumbnail(
              frame.shape,
              floatValues(frame),
              undefined,
              nodeLayout(graph, nodes.get(nodeId) ?? null),
            )
          : null;
        if (!canvas || !thumb) continue;
        putPixels(canvas, thumb.width, thumb.height, thumb.pixels);
        canvas.dataset.updates = String(Number(canvas.dataset.updates ?? 0) + 1);
        canvas.dataset.range = `${thumb.min.toPrecision(3)} to ${thumb.max.toPrecision(3)}`;
      }
      pending.clear();
    };
    const f = new ThumbFeed({
      api,
      graph,
      budget: () => budgetRef.current,
      gate: gate.current,
      onFrame: (frame) => {
        pending.set(frame.nodeId, frame);
        raf ||= requestAnimationFrame(paint);
      },
      onEnded: setEnded,
    });
    feed.current = f;
    f.setVisible(visible.current);
    return () => {
      f.close();
      feed.current = null;
      if (raf) cancelAnimationFrame(raf);
    };
  }, [api, graph]);

  return {
    ended,
    canvasRef(nodeId, el) {
      if (el) canvases.current.set(nodeId, el);
      else canvases.current.delete(nodeId);
    },
    setVisible(nodeIds) {
      visible.current = nodeIds;
      if (feed.current && nodeIds.join('\u0000') !== feed.current.watched.join('\u0000')) setEnded(null);
      feed.current?.setVisible(nodeIds);
    },
  };
}
