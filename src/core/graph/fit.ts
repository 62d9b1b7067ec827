/** What the view needs of a layout, without the layout engine: boxes, directions, and which direction fits a pane. */

export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Sources, routes, backends: left to right (`LR`) or top to bottom (`TB`). */
export type LayoutDirection = 'LR' | 'TB';

/** A route node lists at most this many overridden policies, then "+N more". */
export const MAX_OVERRIDDEN_SHOWN = 4;

/** The zoom at which `boxes` fit a `width` x `height` pane (capped at 1: text is never enlarged). */
export function fitZoom(boxes: Iterable<NodeBox>, width: number, height: number): number {
  let right = 0;
  let bottom = 0;
  for (const b of boxes) {
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  if (right === 0 || bottom === 0) return 1;
  return Math.min(1, width / right, height / bottom);
}

/** The direction whose layout is most legible in the pane; left to right unless top to bottom is clearly larger. */
export function preferredDirection(layouts: Partial<Record<LayoutDirection, Iterable<NodeBox>>>, width: number, height: number): LayoutDirection {
  if (!layouts.TB || !layouts.LR || width <= 0 || height <= 0) return 'LR';
  return fitZoom(layouts.TB, width, height) > fitZoom(layouts.LR, width, height) * 1.1 ? 'TB' : 'LR';
}
