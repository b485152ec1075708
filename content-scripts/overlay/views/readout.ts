// The value under a cursor in a picture: which cell of a feature-map grid or which bar a pointer is over, where the
// arrow keys move that cursor, and the sentence that reads the value out. Pure; the component wires it to events.

import { t } from '../../../extension/ui/i18n';
import { GAP, type GridLayout, type Maps } from './feature-grid';
import type { Histogram } from './stats';
import { formatValue } from './stats';

export interface GridCell {
  channel: number;
  row: number;
  col: number;
}

/** A box in fractions (0–1) of the picture, for the marker drawn over the cursor. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

type MapsSize = Pick<Maps, 'height' | 'width' | 'channels'>;

/** The cell under a point given in fractions of the painted grid, or null over a gap or an empty tile. */
export function gridCellAt(maps: MapsSize, layout: GridLayout, fx: number, fy: number): GridCell | null {
  if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return null;
  const x = Math.floor(fx * layout.width);
  const y = Math.floor(fy * layout.height);
  const tileCol = Math.floor(x / (maps.width + GAP));
  const tileRow = Math.floor(y / (maps.height + GAP));
  const col = x - tileCol * (maps.width + GAP);
  const row = y - tileRow * (maps.height + GAP);
  if (col >= maps.width || row >= maps.height) return null;
  const channel = tileRow * layout.columns + tileCol;
  if (tileCol >= layout.columns || channel >= layout.tiles) return null;
  return { channel, row, col };
}

/**
 * Where a key moves the cursor: arrows by one value, crossing into the neighbouring tile at an edge; Page Up/Down
 * to the previous/next channel; Home/End to the first/last value. Null for other keys (the event is not ours).
 */
export function moveGridCell(
  cell: GridCell,
  key: string,
  maps: MapsSize,
  layout: GridLayout,
): GridCell | null {
  const { width: w, height: h } = maps;
  const last = layout.tiles - 1;
  const at = (channel: number, row: number, col: number): GridCell =>
    channel < 0 || channel > last ? cell : { channel, row, col };
  switch (key) {
    case 'ArrowRight':
      return cell.col + 1 < w ? { ...cell, col: cell.col + 1 } : at(cell.channel + 1, cell.row, 0);
    case 'ArrowLeft':
      return cell.col > 0 ? { ...cell, col: cell.col - 1 } : at(cell.channel - 1, cell.row, w - 1);
    case 'ArrowDown':
      return cell.row + 1 < h
        ? { ...cell, row: cell.row + 1 }
        : at(cell.channel + layout.columns, 0, cell.col);
    case 'ArrowUp':
      return cell.row > 0
        ? { ...cell, row: cell.row - 1 }
        : at(cell.channel - layout.columns, h - 1, cell.col);
    case 'PageDown':
      return at(cell.channel + 1, cell.row, cell.col);
    case 'PageUp':
      return at(cell.channel - 1, cell.row, cell.col);
    case 'Home':
      return { channel: 0, row: 0, col: 0 };
    case 'End':
      return { channel: last, row: h - 1, col: w - 1 };
    default:
      return null;
  }
}

export function gridValue(maps: Maps, cell: GridCell): number {
  return maps.values[(cell.row * maps.width + cell.col) * maps.channels + cell.channel] ?? Number.NaN;
}

export function gridCellBox(maps: MapsSize, layout: GridLayout, cell: GridCell): Box {
  const ox = (cell.channel % layout.columns) * (maps.width + GAP);
  const oy = Math.floor(cell.channel / layout.columns) * (maps.height + GAP);
  return {
    left: (ox + cell.col) / layout.width,
    top: (oy + cell.row) / layout.height,
    width: 1 / layout.width,
    height: 1 / layout.height,
  };
}

/** Where each tile starts, in fractions: for the channel labels drawn over the grid. */
export function tileOrigins(
  maps: MapsSize,
  layout: GridLayout,
): { channel: number; left: number; top: number }[] {
  return Array.from({ length: layout.tiles }, (_, channel) => ({
    channel,
    left: ((channel % layout.columns) * (maps.width + GAP)) / layout.width,
    top: (Math.floor(channel / layout.columns) * (maps.height + GAP)) / layout.height,
  }));
}

export function describeGridCell(cell: GridCell, value: number, maps: MapsSize): string {
  return maps.channels > 1
    ? t('cellReadChannel', cell.channel, cell.row, cell.col, formatValue(value))
    : t('cellRead', cell.row, cell.col, formatValue(value));
}

/** The bar (or bin) under a point given as a fraction of the chart's width. */
export function indexAt(count: number, fx: number): number | null {
  if (count <= 0 || !(fx >= 0 && fx < 1)) return null;
  return Math.min(count - 1, Math.floor(fx * count));
}

/** Arrows by one, Page Up/Down by ten, Home/End to the ends; null for other keys. */
export function moveIndex(index: number, key: string, count: number): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(index + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(index - 1);
    case 'PageUp':
      return clamp(index + 10);
    case 'PageDown':
      return clamp(index - 10);
    case 'Home':
      return 0;
    case 'End':
      return clamp(count - 1);
    default:
      return null;
  }
}

export function indexBox(count: number, index: number): Box {
  return { left: index / count, top: 0, width: 1 / count, height: 1 };
}

/** One bin of a histogram, read out: its range and how many values fall in it. */
export function describeBin(hist: Histogram, index: number): string {
  const n = hist.counts.length;
  const width = (hist.hi - hist.lo) / n;
  const from = hist.lo + index * width;
  const count = hist.counts[index] ?? 0;
  return t(count === 1 ? 'binReadOne' : 'binRead', formatValue(from), formatValue(from + width), count);
}
