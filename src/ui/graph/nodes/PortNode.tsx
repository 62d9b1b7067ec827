import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { NodeFrame } from './NodeFrame';

/** A TSB service port: the FQDN and port, its traffic type and sticky-session key. */
export function PortNode({ data }: NodeProps<FlowNode>) {
  const { node, selected } = data;
  return <NodeFrame kind="port" label={node.label} detail={node.detail} selected={selected} minHeight={data.minHeight} direction={data.direction} />;
}
