/** Fits the graph the page opened on to the pane React Flow measures (see `initialFlow`). */
import { useCallback, useEffect, useState } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { FIT_VIEW, PRERENDERED_PANE } from './initialFlow';

/**
 * A graph given to React Flow's store at once (`initialFlow`) was fitted to the pane the build assumed. It is fitted
 * again to the pane React Flow measures, each time the size changes (the panes settle over the first frames), until
 * the person first touches the graph or another graph is drawn. Then this renders nothing more (and reads nothing:
 * its state is its own, so the graph itself is not rendered again for it).
 */
export function FitToMeasuredPane({ nodeIds }: { nodeIds: readonly string[] }) {
  const [done, setDone] = useState(false);
  const finish = useCallback(() => setDone(true), []);
  return done ? null : <Fitter nodeIds={nodeIds} onDone={finish} />;
}

function Fitter({ nodeIds, onDone }: { nodeIds: readonly string[]; onDone(): void }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const domNode = useStore((s) => s.domNode);
  const sameGraph = useStore((s) => s.nodes.length === nodeIds.length && s.nodes.every((n, i) => n.id === nodeIds[i]));
  useEffect(() => {
    if (!domNode) return;
    const events = ['pointerdown', 'wheel', 'keydown'] as const;
    events.forEach((type) => domNode.addEventListener(type, onDone, { capture: true, passive: true }));
    return () => events.forEach((type) => domNode.removeEventListener(type, onDone, { capture: true }));
  }, [domNode, onDone]);
  useEffect(() => {
    if (!sameGraph) onDone();
    else if (width !== PRERENDERED_PANE.width || height !== PRERENDERED_PANE.height) void fitView(FIT_VIEW);
  }, [sameGraph, width, height, fitView, onDone]);
  return null;
}
