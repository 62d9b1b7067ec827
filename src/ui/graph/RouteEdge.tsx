/**
 * An edge of the route graph: a bezier path and, when it has one, an HTML label (`.route-edge-label`) that keeps
 * a legible on-screen size when the view is zoomed out. Clicking the label reveals the edge's source lines.
 */
import { useContext } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, Position, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { EdgeWeightControl } from './EdgeWeightControl';
import type { Theme } from '../theme/theme';
import { EdgeContext, LABEL_SCALE_VARIABLE } from './edgeContext';
import type { FlowEdge } from './toFlow';
import './edgeWeight.css';

/**
 * Stroke as an inline style, not only a class: React Flow's own stylesheet would otherwise win, and a picture of the
 * graph (html-to-image) keeps inline styles of SVG paths, not their class rules.
 */
const STROKE: Record<Theme, { plain: string; split: string; selected: string }> = {
  light: { plain: '#8c959f', split: '#57606a', selected: '#0969da' },
  dark: { plain: '#768390', split: '#adbac7', selected: '#4493f8' },
};

/** The edges of a route that is not applied: dashed and faded (inline, for the same reason as the stroke). */
const INVALID_STROKE = { strokeDasharray: '5 4', opacity: 0.7 };

const MIN_LABEL_ZOOM = 0.3;
/** A boolean, not the zoom: an edge is drawn again when its label comes or goes, not at every step of a zoom. */
const labelsShownSelector = (s: ReactFlowState) => s.transform[2] >= MIN_LABEL_ZOOM;
/** The label's scale (see LabelScale in GraphPane), a CSS variable: zooming redraws no edge. */
const SCALE = `var(${LABEL_SCALE_VARIABLE}, 1)`;

/**
 * A point at t = 0.3 of the bezier React Flow draws: 0.3 of the way along the main axis, and (its control points
 * lying on the source's and target's lines) 0.216 = 3(1-t)t² + t³ of the way across it.
 */
function nearSource(sx: number, sy: number, tx: number, ty: number, from: Position): [number, number] {
  const along = 0.3;
  const across = 0.216;
  return from === Position.Bottom || from === Position.Top ? [sx + (tx - sx) * across, sy + (ty - sy) * along] : [sx + (tx - sx) * along, sy + (ty - sy) * across];
}

export function RouteEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, interactionWidth }: EdgeProps<FlowEdge>) {
  const labelsShown = useStore(labelsShownSelector);
  const { theme, onLabelClick } = useContext(EdgeContext);
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const edge = data?.edge;
  const selected = data?.selected ?? false;
  const split = edge?.percent !== null && edge?.percent !== undefined;
  // A split's share sits near its route, where the edges of one route fan out, rather than mid-way, where the
  // edges of every route converge on the backends and their labels would cover each other.
  const [labelX, labelY] = split ? nearSource(sourceX, sourceY, targetX, targetY, sourcePosition) : [midX, midY];
  // Zoomed out far (a whole large mesh), labels would only cover each other, so they wait until the user zooms in or
  // focuses on one source.
  const labelled = Boolean(edge?.label) && labelsShown;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={interactionWidth ?? 16}
        style={{ stroke: STROKE[theme][selected ? 'selected' : split ? 'split' : 'plain'], strokeWidth: selected ? 2.5 : split ? 2 : 1.5, ...(edge?.invalid ? INVALID_STROKE : {}) }}
        className={`route-edge__path${split ? ' route-edge__path--split' : ''}${selected ? ' route-edge__path--selected' : ''}${edge?.invalid ? ' route-edge__path--invalid' : ''}`}
      />
      {labelled && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`route-edge-label nodrag nopan${split ? ' route-edge-label--split' : ''}${selected ? ' route-edge-label--selected' : ''}`}
            data-edge-id={id}
            title={edge?.location ? `${edge.label}: show ${edge.location.path} in the editor` : edge?.label}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(${SCALE})` }}
            onClick={() => onLabelClick(id, edge)}
          >
            {edge?.label}
          </button>
          {split && selected && edge?.location && (
            <div className="route-edge-weight__anchor" style={{ transform: `translate(-50%, 0) translate(${labelX}px, calc(${labelY}px + 14px * ${SCALE})) scale(${SCALE})` }}>
              <EdgeWeightControl location={edge.location} label={edge.label} />
            </div>
          )}
        </EdgeLabelRenderer>
      )}
    </>
  );
}
