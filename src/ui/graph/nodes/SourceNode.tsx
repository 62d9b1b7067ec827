import { useState, type MouseEvent } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { NodeFrame } from './NodeFrame';
import '../sourceNode.css';

/** How many proxy names an expanded source lists before "+N more". */
const MAX_PROXIES_SHOWN = 20;

/** A source service: its kuma.io/service and how many proxies it stands for, which it can list when expanded. */
export function SourceNode({ data }: NodeProps<FlowNode>) {
  const { node, selected } = data;
  const [expanded, setExpanded] = useState(false);
  const mesh = data.showMesh && node.mesh ? `mesh ${node.mesh}` : '';
  const detail = [node.detail, mesh].filter(Boolean).join(' · ');
  const proxies = node.proxies ?? [];
  if (proxies.length === 0) {
    return <NodeFrame kind="source" label={node.label} detail={detail} selected={selected} minHeight={data.minHeight} direction={data.direction} inputs={false} />;
  }
  const toggle = (event: MouseEvent<HTMLButtonElement>) => {
    // The button is not the node: clicking it neither selects the node nor jumps to its YAML.
    event.stopPropagation();
    setExpanded((open) => !open);
  };
  const hidden = proxies.length - MAX_PROXIES_SHOWN;
  return (
    <NodeFrame
      kind="source"
      label={node.label}
      detail=""
      title={[node.label, detail].filter(Boolean).join('\n')}
      selected={selected}
      minHeight={data.minHeight}
      direction={data.direction}
      inputs={false}
    >
      <div className="graph-node__detail source-node__detail">
        <button
          type="button"
          className="source-node__toggle nodrag nopan"
          data-testid="source-proxies-toggle"
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Hide' : 'Show'} the ${node.detail} of ${node.label}`}
          onClick={toggle}
          onDoubleClick={(event) => event.stopPropagation()}
          onKeyDown={(event) => {
            // Enter and Space press the button; the graph's own handler would select the node instead.
            if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
          }}
        >
          {expanded ? '▾' : '▸'} {node.detail}
        </button>
        {mesh && ` · ${mesh}`}
      </div>
      {expanded && (
        <ul className="source-node__proxies nodrag nopan nowheel" data-testid="source-proxies" aria-label={`Proxies of ${node.label}`}>
          {proxies.slice(0, MAX_PROXIES_SHOWN).map((name) => (
            <li key={name} className="source-node__proxy" data-testid="source-proxy">
              {name}
            </li>
          ))}
          {hidden > 0 && <li className="source-node__more">+{hidden} more</li>}
        </ul>
      )}
    </NodeFrame>
  );
}
