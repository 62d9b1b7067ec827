/** Warnings about the splits a ServiceRoute generates: weights, stickiness across versions, uncovered traffic. */
import type { Diagnostic } from '../../diagnostics';
import type { ServiceRoute } from '../../model/tsb/types';
import type { NodePath } from '../../source/path';
import { tsbDiagnostic } from '../../validate/tsb/diagnostic';
import { declaredPorts, portSticky, type PlannedRoute } from './plan';

export function splitWarnings(sr: ServiceRoute, plan: readonly PlannedRoute[]): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const add = (d: Diagnostic) => out.set(`${d.code}@${d.path}`, d);
  for (const planned of plan) {
    if (!planned.generated && planned.type === 'http' && planned.route.flagger) continue;
    const at: NodePath = planned.generated ? ['spec', 'subsets'] : [...planned.route.path, 'destination'];
    const d = planned.destinations;
    const label = (i: number) => d[i]?.subset ?? d[i]?.host ?? sr.host;
    const total = d.reduce((sum, x) => sum + x.weight, 0);
    if (d.length > 1 && total === 0) {
      add(tsbDiagnostic(sr.source, 'warning', 'TSB_ALL_WEIGHTS_ZERO', at, `every weight is 0 (a missing weight counts as 0 when there are several): ${routeName(planned)} has no share to give, traffic${portText(planned.port)} fails and Istio rejects the route ("total destination weight = 0"); give the weights`));
    } else if (d.length > 1 && total !== 100) {
      const shares = d.map((x, i) => `${label(i)} ${round(100 * x.weight / total)}%`).join(', ');
      add(tsbDiagnostic(sr.source, 'warning', 'TSB_WEIGHTS_NOT_100', at, `weights sum to ${total}, not 100: Istio normalises them, so the shares are ${shares}; make them add up to 100 to say what you mean`));
    }
    const sticky = portSticky(sr, planned.port);
    const nonZero = d.filter((x) => x.weight > 0).length;
    if (sticky && nonZero > 1) {
      const stickyPath = stickyPathOf(sr, planned.port);
      add(tsbDiagnostic(sr.source, 'warning', 'TSB_STICKY_SPLIT', stickyPath, `a sticky session${portText(planned.port)} whose route splits over ${nonZero} destinations: Istio picks the destination by weight before hashing, so a client stays on one pod of a version but can move between versions`));
    }
  }
  for (const d of uncoveredPorts(sr)) add(d);
  return [...out.values()];
}

/** A declared HTTP port whose explicit routes all restrict uri or headers: other requests match no route (404). */
function uncoveredPorts(sr: ServiceRoute): Diagnostic[] {
  return declaredPorts(sr).flatMap((setting) => {
    if (setting.trafficType !== 'HTTP') return [];
    const matches = sr.httpRoutes.flatMap((r) => r.matches.filter((m) => m.port === setting.port));
    const catchAll = sr.httpRoutes.some((r) => r.matches.length === 0) || matches.some((m) => !m.uri && Object.keys(m.headers).length === 0);
    if (matches.length === 0 || catchAll) return [];
    return [
      tsbDiagnostic(sr.source, 'warning', 'TSB_PORT_NOT_COVERED', [...setting.path, 'port'], `port ${setting.port} is used in matches, so no default route is generated, and every match restricts uri or headers: other requests to port ${setting.port} match no route (404); add a route matching only the port`),
    ];
  });
}

function stickyPathOf(sr: ServiceRoute, port: number | null): NodePath {
  const setting = declaredPorts(sr).find((s) => s.port === port);
  return setting?.sticky ? [...setting.path, 'stickySession'] : ['spec', 'stickySession'];
}

function routeName(planned: PlannedRoute): string {
  return planned.generated ? `the generated ${planned.name}` : `route "${planned.route.name}"`;
}

function portText(port: number | null): string {
  return port === null ? '' : ` on port ${port}`;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

