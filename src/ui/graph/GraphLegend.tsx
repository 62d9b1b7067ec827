/** What the shapes and labels of the graph mean: in the help panel, and in every exported picture of the graph. */
export function GraphLegend({ compact = false }: { compact?: boolean }) {
  return (
    <div className={`graph-legend${compact ? ' graph-legend--compact' : ''}`} data-testid="graph-legend">
      <div className="graph-legend__title">Legend</div>
      <ul className="graph-legend__items">
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--source" aria-hidden="true" /> <b>source</b>: a service whose proxies send the traffic
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--route" aria-hidden="true" /> <b>route</b>: the policy that wins for a destination (name, kind → destination)
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--default" aria-hidden="true" /> <b>default route</b>: no policy applies; traffic goes to the destination as is
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--failing" aria-hidden="true" /> <b>failing route</b>: every weight is 0, the traffic fails
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--invalid" aria-hidden="true" /> <b>invalid: not applied</b>: a policy with errors, drawn dashed for what it would do; it changes no other route
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--backend" aria-hidden="true" /> <b>backend</b>: where traffic lands (service, and subset tags)
        </li>
        <li>
          <span className="graph-legend__label" aria-hidden="true">90%</span> share of the route&apos;s traffic that goes to that backend
        </li>
        <li>
          <span className="graph-legend__label" aria-hidden="true">frontend-1</span> on a source&apos;s edge: the proxies that take this route when others of the service do not
        </li>
        {!compact && (
          <li>
            <s>policy</s>: a policy that also matched but lost to the route, and why
          </li>
        )}
      </ul>
    </div>
  );
}
