/** The box every graph node shares: handles on the sides, a label line and a detail line. */
import type { ReactNode } from 'react';
import { Position } from '@xyflow/react';
import type { GraphNodeKind, LayoutDirection } from '../../../core';

interface NodeFrameProps {
  kind: GraphNodeKind;
  label: string;
  detail: string;
  selected: boolean;
  minHeight: number;
  direction: LayoutDirection;
  /** Adds a modifier class, e.g. `failing`. */
  variant?: string;
  /** A node without incoming edges (sources) or outgoing ones (backends) has no handle there. */
  inputs?: boolean;
  outputs?: boolean;
  title?: string;
  children?: ReactNode;
}

export function NodeFrame({ kind, label, detail, selected, minHeight, direction, variant, inputs = true, outputs = true, title, children }: NodeFrameProps) {
  const classes = ['graph-node', `graph-node--${kind}`, variant ? `graph-node--${variant}` : '', selected ? 'graph-node--selected' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid={`graph-node-${kind}`} style={{ minHeight }} title={title ?? [label, detail].filter(Boolean).join('\n')}>
      {inputs && <EdgeEnd type="target" position={direction === 'TB' ? Position.Top : Position.Left} />}
      <div className="graph-node__label">{label}</div>
      {detail && <div className="graph-node__detail">{detail}</div>}
      {children}
      {outputs && <EdgeEnd type="source" position={direction === 'TB' ? Position.Bottom : Position.Right} />}
    </div>
  );
}

/**
 * Where edges meet the node: the element React Flow measures (by its `source`/`target` class and `data-handlepos`)
 * and styles as a handle. Not React Flow's `Handle`: nothing is connected here, and each of those followed the
 * store's connection state, two per node at every change of a large graph.
 */
function EdgeEnd({ type, position }: { type: 'source' | 'target'; position: Position }) {
  return <div className={`react-flow__handle react-flow__handle-${position} graph-node__handle ${type}`} data-handlepos={position} />;
}
