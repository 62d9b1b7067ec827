import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { NodeFrame } from './NodeFrame';

/** A source service: its kuma.io/service and how many proxies it stands for. */
export function SourceNode({ data }: NodeProps<FlowNode>) {
  const { node, selected } = data;
  const detail = [node.detail, data.showMesh && node.mesh ? `mesh ${node.mesh}` : ''].filter(Boolean).join(' · ');
  return <NodeFrame kind="source" label={node.label} detail={detail} selected={selected} minHeight={data.minHeight} direction={data.direction} inputs={false} />;
}
