// Transient links between the panel and the page while the reader points at something: which page anchors wear a
// highlight ring (tour step, hovered note, hovered equation symbol) and which model tensor is "linked" (its layer
// view and outline row light up). Plain observable state, no rendering.

import type { AnchorLike } from '../sidenotes/positioner';
import { Listeners } from '../../../base/listeners';

export interface LinkedTensor {
  graphId: string;
  nodeId: string;
  /** 'output' for the node's values, else a weight role. */
  role: string;
}

export class PackBus {
  private readonly rings = new Map<string, AnchorLike[]>();
  private readonly ringListeners = new Listeners<AnchorLike[]>();
  private linked: LinkedTensor | null = null;
  private readonly linkListeners = new Listeners<LinkedTensor | null>();

  /** Sets the rings one source asks for (an empty list removes them). */
  setRings(source: string, anchors: AnchorLike[]): void {
    if (anchors.length === 0) this.rings.delete(source);
    else this.rings.set(source, anchors);
    const all = this.allRings();
    this.ringListeners.emit(all);
  }

  allRings(): AnchorLike[] {
    return [...new Set([...this.rings.values()].flat())];
  }

  onRings(listener: (anchors: AnchorLike[]) => void, signal: AbortSignal): void {
    this.ringListeners.add(listener, signal);
  }

  setLinked(linked: LinkedTensor | null): void {
    this.linked = linked;
    this.linkListeners.emit(linked);
  }

  currentLink(): LinkedTensor | null {
    return this.linked;
  }

  onLinked(listener: (linked: LinkedTensor | null) => void, signal: AbortSignal): void {
    this.linkListeners.add(listener, signal);
  }

  private diagram: DiagramFocus | null = null;
  private readonly diagramListeners = new Listeners<DiagramFocus | null>();

  /** Asks the model view to show its diagram and frame these nodes or groups (a tour step; a note's "Show"). */
  setDiagramFocus(focus: DiagramFocus | null): void {
    this.diagram = focus;
    this.diagramListeners.emit(focus);
  }

  currentDiagramFocus(): DiagramFocus | null {
    return this.diagram;
  }

  onDiagramFocus(listener: (focus: DiagramFocus | null) => void, signal: AbortSignal): void {
    this.diagramListeners.add(listener, signal);
  }
}

/** Part of one model's diagram to show and frame; `n` tells two asks for the same part apart. */
export interface DiagramFocus {
  graphId: string;
  ids: readonly string[];
  n: number;
}
