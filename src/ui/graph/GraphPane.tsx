/** The React Flow view of the latest analysis: sources -> routes -> weighted backends. Click to reveal in the editor. */
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { Background, ControlButton, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type EdgeTypes, type NodeTypes, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { LayoutDirection } from '../../core';
import { preferredDirection } from '../../core/view';
import { useStudio, useStudioStore } from '../../state';
import type { AnalysisResult } from '../../worker/protocol';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { useTheme } from '../theme/theme';
import { FitViewIcon } from './FitViewIcon';
import { GraphLegend } from './GraphLegend';
import { dataUrlToBlob, registerGraphCapture, type ImageFormat } from './graphCapture';
import { BackendNode } from './nodes/BackendNode';
import { PortNode } from './nodes/PortNode';
import { RouteNode } from './nodes/RouteNode';
import { SourceNode } from './nodes/SourceNode';
import { RouteEdge } from './RouteEdge';
import { GraphEmptyState } from './GraphEmptyState';
import { SourceFocus } from './SourceFocus';
import { EdgeContext, LABEL_SCALE_VARIABLE, labelScale, type EdgeContextValue } from './edgeContext';
import { viewBox } from './edgesNearView';
import { useGraphNearView } from './useGraphNearView';
import { ariaNamer, graphAriaLabeler, type GraphAriaLabeler } from './ariaLabels';
import { FitToMeasuredPane } from './FitToMeasuredPane';
import { FIT_VIEW, initialFlow, MAX_ZOOM } from './initialFlow';
import { firstViewNodes, flowBuilder, LARGE_GRAPH_NODES, MIN_ZOOM, nodeIdsKey, viewportFitting, type Flow, type FlowEdge, type FlowNode } from './toFlow';

const nodeTypes: NodeTypes = { source: SourceNode, port: PortNode, route: RouteNode, backend: BackendNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];
const NO_GRAPH = { nodes: [], edges: [] };
/**
 * The graph is read-only: no key deletes anything (React Flow's default Backspace would remove elements), and the
 * screen-reader hints say what a click does instead of "Press delete to remove it".
 */
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press enter or space to show its YAML in the editor.',
  'node.a11yDescription.keyboardDisabled': 'Press enter or space to show its YAML in the editor.',
  'edge.a11yDescription.default': 'Press enter or space to show its YAML in the editor.',
};

/**
 * The drawn result as React Flow nodes and edges. A component of its own: a new graph is drawn in a transition, and
 * React can let the page answer between this work and the view's (each 20 to 40 ms on a graph of 800 nodes).
 */
function Graph({ pane }: { pane: RefObject<HTMLElement | null> }) {
  const result = useDrawnResult();
  const selectedId = useStudio((s) => s.selectedId);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  // The pane's shape picks the layout: top to bottom when it shows the graph clearly larger (a narrow pane).
  const direction = useMemo(
    () => (result ? preferredDirection({ LR: result.layouts.LR?.map(([, b]) => b), TB: result.layouts.TB?.map(([, b]) => b) }, paneWidth, paneHeight) : 'LR'),
    [result, paneWidth, paneHeight],
  );
  const graph = result?.graph;
  const boxes = result ? (result.layouts[direction] ?? result.layouts.LR) : undefined;
  const [buildFlow] = useState(flowBuilder);
  const flow = useMemo(() => buildFlow(graph, boxes, selectedId, direction), [buildFlow, graph, boxes, selectedId, direction]);
  const labeler = useMemo(() => graphAriaLabeler(graph ?? NO_GRAPH), [graph]);
  return <GraphView pane={pane} flow={flow} direction={direction} labeler={labeler} revision={result?.revision ?? null} />;
}

interface GraphViewProps {
  pane: RefObject<HTMLElement | null>;
  flow: Flow;
  direction: LayoutDirection;
  labeler: GraphAriaLabeler;
  revision: number | null;
}

function GraphView({ pane, flow, direction, labeler, revision }: GraphViewProps) {
  const revealLocation = useStudio((s) => s.revealLocation);
  const selectElement = useStudio((s) => s.selectElement);
  const { fitView, setViewport } = useReactFlow();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const idsKey = useMemo(() => `${direction}\n${nodeIdsKey(flow.nodes)}`, [flow.nodes, direction]);

  const hasNodes = flow.nodes.length > 0;
  const firstView = useMemo(() => firstViewNodes(flow.nodes), [idsKey]); // eslint-disable-line react-hooks/exhaustive-deps -- the drawn set, not its objects
  // A large graph is given to React Flow only once the viewport is on its first view: drawn under the previous
  // viewport (zoomed out on another graph), 450 of its nodes were drawn and measured at once, to be fitted away.
  const given = useGraphNearView(flow, firstView, idsKey);
  const { setView } = given;
  // Accessible names for what React Flow is given (of a large graph, the part near the view).
  const [nameNodes] = useState(ariaNamer<FlowNode>);
  const [nameEdges] = useState(ariaNamer<FlowEdge>);
  const [viewportOn, setViewportOn] = useState<string | null>(null);
  /** The drawn set whose viewport was computed here (none while the pane has no size yet: React Flow fits it). */
  const placedFor = useRef<string | null>(null);
  const placed = !firstView || viewportOn === idsKey;
  // Named only once placed: before, React Flow is given nothing (naming the 800 nodes of a pasted mesh then took
  // 10 to 20 ms of the task that draws it, for nothing).
  const givenNodes = useMemo(() => (placed ? nameNodes(given.nodes, labeler.node) : NO_NODES), [placed, nameNodes, given.nodes, labeler]);
  const givenEdges = useMemo(() => (placed ? nameEdges(given.edges, labeler.edge) : NO_EDGES), [placed, nameEdges, given.edges, labeler]);
  useLayoutEffect(() => {
    if (placed || !firstView) return;
    const viewport = viewportFitting(flow.nodes, firstView, paneWidth, paneHeight, FIT_VIEW.maxZoom, FIT_VIEW.padding);
    placedFor.current = viewport ? idsKey : null;
    if (viewport) void setViewport(viewport);
    setView(viewport ? viewBox(viewport, paneWidth, paneHeight) : null);
    // Measure-then-draw: the second render, with the nodes, happens before the browser paints.
    setViewportOn(idsKey); // eslint-disable-line react-hooks/set-state-in-effect
  }, [placed, firstView, flow.nodes, idsKey, paneWidth, paneHeight, setViewport, setView]);
  useEffect(() => {
    // Refit only when the drawn set (or the direction) changes; a large graph was placed before it was drawn.
    if (hasNodes && placedFor.current !== idsKey) void fitView(firstView ? { ...FIT_VIEW, nodes: firstView } : FIT_VIEW);
  }, [idsKey, hasNodes, fitView, firstView]);

  const onNodeClick = useCallback(
    (_event: MouseEvent, node: FlowNode) => {
      selectElement(node.id);
      if (node.data.node.location) revealLocation(node.data.node.location, { focus: false });
    },
    [revealLocation, selectElement],
  );
  const onEdgeClick = useCallback(
    (_event: MouseEvent, edge: FlowEdge) => {
      selectElement(edge.id);
      if (edge.data?.edge.location) revealLocation(edge.data.edge.location, { focus: false });
    },
    [revealLocation, selectElement],
  );
  const onPaneClick = useCallback(() => selectElement(null), [selectElement]);
  // After a pan or a zoom, a large graph draws the edges near what is now in view.
  const onMoveEnd = useCallback(
    (_event: unknown, viewport: Viewport) => {
      if (firstView) setView(viewBox(viewport, paneWidth, paneHeight));
    },
    [firstView, paneWidth, paneHeight, setView],
  );
  // React Flow's own "fit view" fits the nodes it was given: of a large graph, only those near the view. This one
  // fits a large graph whole, from its layout (a small one, all given and measured, React Flow fits).
  const fitWholeGraph = useCallback(async () => {
    const whole = firstView ? viewportFitting(flow.nodes, flow.nodes, paneWidth, paneHeight, FIT_VIEW.maxZoom, FIT_VIEW.padding) : null;
    if (!whole) return fitView(FIT_VIEW);
    await setViewport(whole);
    setView(viewBox(whole, paneWidth, paneHeight));
    return true;
  }, [flow.nodes, paneWidth, paneHeight, fitView, setViewport, firstView, setView]);
  const { theme } = useTheme();
  const edgeContext = useMemo<EdgeContextValue>(
    () => ({
      theme,
      onLabelClick: (id, edge) => {
        selectElement(id);
        if (edge?.location) revealLocation(edge.location, { focus: false });
      },
    }),
    [theme, selectElement, revealLocation],
  );
  // Enter (or Space) on a focused node does what a click does: select it and show its YAML.
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      const node = flow.nodes.find((n) => n.id === element?.dataset.id);
      if (!node) return;
      event.preventDefault();
      onNodeClick(event as unknown as MouseEvent, node);
    },
    [flow.nodes, onNodeClick],
  );

  const fitWhole = useRef(fitWholeGraph);
  useLayoutEffect(() => {
    fitWhole.current = fitWholeGraph;
  }, [fitWholeGraph]);
  const [capturing, setCapturing] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    registerGraphCapture(async (format: ImageFormat) => {
      const element = container.current;
      if (!element?.querySelector('.react-flow')) throw new Error('the graph is not shown');
      setCapturing(true);
      try {
        // The legend takes room under the graph: let React Flow see its new size, then fit the whole graph into it.
        const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await frames();
        await new Promise((r) => setTimeout(r, 100));
        await fitWhole.current();
        await frames();
        // A large graph draws the edges near the view: wait (up to about 20 s) until those of the whole graph are in.
        for (let i = 0; i < 600 && pane.current?.dataset.drawing === 'partial'; i++) await frames();
        const options = {
          backgroundColor: getComputedStyle(element).getPropertyValue('--graph-background').trim() || '#ffffff',
          filter: (el: Node) => !(el instanceof HTMLElement && (el.classList.contains('react-flow__controls') || el.classList.contains('source-focus'))),
        };
        const { toPng, toSvg } = await import('html-to-image'); // only a picture of the graph needs it
        return dataUrlToBlob(format === 'png' ? await toPng(element, { ...options, pixelRatio: 2 }) : await toSvg(element, options));
      } finally {
        setCapturing(false);
      }
    });
    return () => registerGraphCapture(null);
  }, [pane]);

  return (
    <div ref={container} className={`graph-pane__flow${capturing ? ' graph-pane__flow--capturing' : ''}`} onKeyDown={onKeyDown}>
    <EdgeContext.Provider value={edgeContext}>
    <ReactFlow<FlowNode, FlowEdge>
      nodes={givenNodes}
      edges={givenEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      onNodeClick={onNodeClick}
      onEdgeClick={onEdgeClick}
      onPaneClick={onPaneClick}
      onMoveEnd={onMoveEnd}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      ariaLabelConfig={ARIA_LABELS}
      fitView={!firstView}
      fitViewOptions={FIT_VIEW}
      onlyRenderVisibleElements={flow.nodes.length > LARGE_GRAPH_NODES}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      colorMode={theme}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} showFitView={false} position="bottom-left">
        <ControlButton onClick={() => void fitWholeGraph()} title="Fit View" aria-label="Fit View" className="react-flow__controls-fitview">
          <FitViewIcon />
        </ControlButton>
      </Controls>
      <GraphEmptyState />
      <SourceFocus />
      <LabelScale container={container} />
      <DrawnVersion pane={pane} revision={revision} complete={given.complete} />
    </ReactFlow>
    </EdgeContext.Provider>
      {capturing && <GraphLegend compact />}
    </div>
  );
}

/**
 * Keeps the edge labels' scale in step with the zoom: a CSS variable on React Flow's layer of edge labels, the labels'
 * parent. Set on the graph's container, a change restyled all of it (3,200 elements, 30 ms, with a large mesh's
 * source picker), where only the labels use it.
 */
function LabelScale({ container }: { container: RefObject<HTMLElement | null> }) {
  const scale = useStore((s) => labelScale(s.transform[2]));
  useLayoutEffect(() => {
    container.current?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer')?.style.setProperty(LABEL_SCALE_VARIABLE, String(scale));
  }, [container, scale]);
  return null;
}

/**
 * The analysis result the graph draws. A result whose graph has the nodes of the one drawn (an edit of a weight, a
 * backend) is drawn at once; one with another set of nodes (another source picked, a new workspace) is drawn in a
 * transition, a render of its own after the problems list, the source picker and the editor's markers took theirs:
 * drawn in the same task, a large mesh's first result held the page for 300 ms.
 */
function useDrawnResult(): AnalysisResult | null {
  const latest = useAnalysisResult();
  const [drawn, setDrawn] = useState(latest);
  const same = sameNodes(latest?.graph.nodes, drawn?.graph.nodes);
  useEffect(() => {
    if (!same) startTransition(() => setDrawn(latest));
  }, [same, latest]);
  return same ? latest : drawn;
}

function sameNodes(a: readonly { id: string }[] | undefined, b: readonly { id: string }[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((node, i) => node.id === b[i]?.id));
}

/**
 * Sets on the pane `data-drawing` (`partial` while a large graph is given its edges) and `data-drawn-version`, the
 * document revision of the drawing, once it is painted with all its edges: a keystroke's latency is the time until
 * it equals the editor's `data-text-version`.
 */
function DrawnVersion({ pane, revision, complete }: { pane: RefObject<HTMLElement | null>; revision: number | null; complete: boolean }) {
  const pending = useStudio((s) => s.derived.pending);
  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    element.setAttribute('data-drawing', complete ? 'complete' : 'partial');
    if (revision === null || pending || !complete) return;
    const frame = requestAnimationFrame(() => element.setAttribute('data-drawn-version', String(revision)));
    return () => cancelAnimationFrame(frame);
  }, [pane, revision, complete, pending]);
  return null;
}

export default function GraphPane() {
  const pane = useRef<HTMLElement>(null);
  // Read once: the page prerendered at build time is hydrated with the nodes it was rendered with.
  const store = useStudioStore();
  const [initial] = useState(() => initialFlow(store.getState().derived.result));
  const [initialIds] = useState(() => initial.initialNodes?.map((n) => n.id));
  return (
    <section className="graph-pane" data-testid="graph" aria-label="Route graph" ref={pane}>
      <ReactFlowProvider {...initial}>
        <Graph pane={pane} />
        {initialIds && <FitToMeasuredPane nodeIds={initialIds} />}
      </ReactFlowProvider>
    </section>
  );
}
