import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { NodeFrame } from './NodeFrame';

/** A backend: the service traffic lands on, and its subset tags if any. */
export function BackendNode({ data }: NodeProps<FlowNode>) {
  const { node, selected } = data;
  return <NodeFrame kind="backend" label={node.label} detail={node.detail || 'all endpoints'} selected={selected} minHeight={data.minHeight} direction={data.direction} outputs={false} />;
}
