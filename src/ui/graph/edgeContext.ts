/**
 * What every edge of the graph needs from the page, given once by the graph rather than asked by each edge: with
 * hundreds of edges, each one's own store subscriptions and theme query took tens of milliseconds per drawing.
 */
import { createContext } from 'react';
import type { GraphEdge } from '../../core';
import type { Theme } from '../theme/theme';

export interface EdgeContextValue {
  theme: Theme;
  /** A click on an edge's label: selects the edge and shows its YAML. */
  onLabelClick(id: string, edge: GraphEdge | undefined): void;
}

export const EdgeContext = createContext<EdgeContextValue>({ theme: 'light', onLabelClick: () => {} });

/** The CSS variable, set on React Flow's layer of edge labels, by which they are scaled back up when zoomed out. */
export const LABEL_SCALE_VARIABLE = '--edge-label-scale';

/** Zoomed out a little, labels are scaled back up to stay legible (up to 1.6 times). */
export const labelScale = (zoom: number) => (zoom < 1 ? Math.min(1 / zoom, 1.6) : 1);
