import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { MAX_OVERRIDDEN_SHOWN } from '../../../core/view';
import { NodeFrame } from './NodeFrame';

/**
 * The effective route: policy name, kind and destination; a failing route; the policies it overrode. A route of a
 * policy with errors is drawn dashed, "invalid: not applied", with its first error.
 */
export function RouteNode({ data }: NodeProps<FlowNode>) {
  const { node, selected } = data;
  const overridden = node.overridden ?? [];
  const protocol = node.protocol ? `protocol ${node.protocol}${node.protocolSource ? ` (${node.protocolSource})` : ''}` : '';
  // An invalid rule has no place in Envoy's order: its match is shown unnumbered.
  const rule = node.match ? `rule ${node.ruleOrder !== undefined ? `${node.ruleOrder}: ` : ''}${node.match}` : '';
  const invalid = node.invalid ? `invalid: not applied (${node.invalid.errors === 1 ? '1 error' : `${node.invalid.errors} errors`}): ${node.invalid.message}` : '';
  const title = [node.label, node.detail, invalid, rule, node.filters?.length ? `filters: ${node.filters.join(', ')}` : '', protocol, node.failing ? 'no route: traffic fails (every weight is 0)' : '', ...overridden.map((o) => `overrides ${o.policy} (${o.kind}): ${o.reason}`)]
    .filter(Boolean)
    .join('\n');
  return (
    <NodeFrame
      kind="route"
      label={node.label}
      detail={node.detail}
      selected={selected} minHeight={data.minHeight} direction={data.direction}
      variant={node.invalid ? 'invalid' : node.failing ? 'failing' : node.routeKind === 'default' ? 'default' : undefined}
      outputs={!node.failing}
      title={title}
    >
      {node.invalid && (
        <>
          <div className="graph-node__invalid" data-testid="route-invalid">
            invalid: not applied
          </div>
          <div className="graph-node__detail graph-node__invalid-reason">{shortReason(node.invalid.message)}</div>
        </>
      )}
      {node.match && (
        <div className="graph-node__detail graph-node__match" data-testid="route-match">
          {node.ruleOrder !== undefined ? `${node.ruleOrder}. ` : ''}
          {node.match}
        </div>
      )}
      {node.filters && node.filters.length > 0 && <div className="graph-node__detail graph-node__match">filters: {node.filters.join(', ')}</div>}
      {node.failing && <div className="graph-node__failing">no route: traffic fails</div>}
      {overridden.slice(0, MAX_OVERRIDDEN_SHOWN).map((o) => (
        <div key={`${o.policy}:${o.kind}`} className="graph-node__overridden">
          overrides <s className="graph-node__overridden-policy">{o.policy}</s>: {o.reason}
        </div>
      ))}
      {overridden.length > MAX_OVERRIDDEN_SHOWN && (
        <div className="graph-node__overridden">+{overridden.length - MAX_OVERRIDDEN_SHOWN} more overridden (hover for all)</div>
      )}
    </NodeFrame>
  );
}

/** `spec.to[0].rules[0].default.backendRefs[1].weight: must be ...` -> `weight: must be ...`: the node is narrow (the title has it all). */
function shortReason(message: string): string {
  return message.replace(/^[\w.[\]-]*\.([\w-]+: )/, '$1');
}
