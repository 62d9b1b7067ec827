/** The React Flow view of the latest analysis: sources -> routes -> weighted backends. Click to reveal in the editor. */
import { useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { preferredDirection } from '../../core/view';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { BackendNode } from './nodes/BackendNode';
import { RouteNode } from './nodes/RouteNode';
import { SourceNode } from './nodes/SourceNode';
import { RouteEdge } from './RouteEdge';
import { GraphEmptyState } from './GraphEmptyState';
import { SourceFocus } from './SourceFocus';
import { nodeIdsKey, toFlow, type FlowEdge, type FlowNode } from './toFlow';

const nodeTypes: NodeTypes = { source: SourceNode, route: RouteNode, backend: BackendNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const FIT_VIEW = { padding: 0.08, maxZoom: 1 };

function Graph() {
  const result = useAnalysisResult();
  const selectedId = useStudio((s) => s.selectedId);
  const revealLocation = useStudio((s) => s.revealLocation);
  const selectElement = useStudio((s) => s.selectElement);
  const { fitView } = useReactFlow();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  // The pane's shape picks the layout: top to bottom when it shows the graph clearly larger (a narrow pane).
  const direction = useMemo(
    () => (result ? preferredDirection({ LR: result.layouts.LR?.map(([, b]) => b), TB: result.layouts.TB?.map(([, b]) => b) }, paneWidth, paneHeight) : 'LR'),
    [result, paneWidth, paneHeight],
  );
  const flow = useMemo(
    () => (result ? toFlow(result.graph, result.layouts[direction] ?? result.layouts.LR ?? [], selectedId, direction) : { nodes: [], edges: [] }),
    [result, selectedId, direction],
  );
  const idsKey = useMemo(() => `${direction}\n${nodeIdsKey(flow.nodes)}`, [flow.nodes, direction]);

  const hasNodes = flow.nodes.length > 0;
  useEffect(() => {
    if (hasNodes) void fitView(FIT_VIEW); // refit only when the drawn set (or the direction) changes
  }, [idsKey, hasNodes, fitView]);

  const onNodeClick = useCallback(
    (_event: MouseEvent, node: FlowNode) => {
      selectElement(node.id);
      if (node.data.node.location) revealLocation(node.data.node.location);
    },
    [revealLocation, selectElement],
  );
  const onEdgeClick = useCallback(
    (_event: MouseEvent, edge: FlowEdge) => {
      selectElement(edge.id);
      if (edge.data?.edge.location) revealLocation(edge.data.edge.location);
    },
    [revealLocation, selectElement],
  );
  const onPaneClick = useCallback(() => selectElement(null), [selectElement]);

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={flow.nodes}
      edges={flow.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      onNodeClick={onNodeClick}
      onEdgeClick={onEdgeClick}
      onPaneClick={onPaneClick}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.1}
      maxZoom={2}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-left" />
      <GraphEmptyState />
      <SourceFocus />
    </ReactFlow>
  );
}

export default function GraphPane() {
  return (
    <section className="graph-pane" data-testid="graph" aria-label="Route graph">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </section>
  );
}
