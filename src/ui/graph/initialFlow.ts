/**
 * What React Flow's store starts with when the page opens on a result: the demo's, analysed at build time. The page
 * is prerendered from it (`src/prerender`), and hydrating that page must render exactly what the build rendered, in
 * a pane of the size the build assumed. React Flow then measures the real pane and the view is fitted to it.
 */
import type { ComponentProps } from 'react';
import type { ReactFlowProvider } from '@xyflow/react';
import { preferredDirection } from '../../core/view';
import type { AnalysisResult } from '../../worker/protocol';
import { ariaNamer, graphAriaLabeler } from './ariaLabels';
import { firstViewNodes, flowBuilder, MIN_ZOOM, type FlowEdge, type FlowNode } from './toFlow';

/** The graph pane of a 1280 x 800 window on a first visit (with the welcome hint): what the build draws for. */
export const PRERENDERED_PANE = { width: 701, height: 712 } as const;
export const FIT_VIEW = { padding: 0.08, maxZoom: 1 } as const;
export const MAX_ZOOM = 2;

export type InitialFlow = Omit<ComponentProps<typeof ReactFlowProvider>, 'children'>;

/** The provider's initial nodes, edges and fitted view for `result`; nothing for a large graph (placed by the view). */
export function initialFlow(result: AnalysisResult | null): InitialFlow {
  if (!result) return {};
  const { width, height } = PRERENDERED_PANE;
  const direction = preferredDirection({ LR: result.layouts.LR?.map(([, b]) => b), TB: result.layouts.TB?.map(([, b]) => b) }, width, height);
  const flow = flowBuilder()(result.graph, result.layouts[direction] ?? result.layouts.LR, null, direction);
  if (flow.nodes.length === 0 || firstViewNodes(flow.nodes)) return {};
  const labeler = graphAriaLabeler(result.graph);
  return {
    initialNodes: ariaNamer<FlowNode>()(flow.nodes, labeler.node),
    initialEdges: ariaNamer<FlowEdge>()(flow.edges, labeler.edge),
    initialWidth: width,
    initialHeight: height,
    fitView: true,
    initialFitViewOptions: FIT_VIEW,
    initialMinZoom: MIN_ZOOM,
    // The fit's own limit: the store's initial view is fitted with it (the view's limit, MAX_ZOOM, follows).
    initialMaxZoom: FIT_VIEW.maxZoom,
  };
}
