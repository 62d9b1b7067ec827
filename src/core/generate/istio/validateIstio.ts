/**
 * Istio's own validation (istiod's webhook, reference/tsb/istio-validation.md) of the documents the export
 * generates: the rules its CRD schema does not carry. Messages are Istio's. Returns the problems, none when valid.
 */
type Json = Record<string, unknown>;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const asJson = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function istioProblems(document: Json): string[] {
  const spec = asJson(document.spec);
  if (document.kind === 'VirtualService') return virtualServiceProblems(spec);
  if (document.kind === 'DestinationRule') return destinationRuleProblems(spec);
  return [`unexpected kind ${String(document.kind)}`];
}

function domainProblems(host: unknown): string[] {
  if (typeof host !== 'string' || host === '') return ['host must not be empty'];
  if (host === '*') return ['wildcard host * is not allowed for virtual services bound to the mesh gateway'];
  if (host.length > 255) return [`domain name "${host}" too long (max 255)`];
  const labels = host.startsWith('*.') ? host.slice(2).split('.') : host.split('.');
  const bad = labels.find((l) => !(DNS_LABEL.test(l.toLowerCase()) && l.length <= 63));
  return bad === undefined ? [] : [`domain name "${host}" invalid (label "${bad}" invalid)`];
}

function portProblems(port: unknown): string[] {
  if (port === undefined) return [];
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [`port number ${String(port)} must be in the range 1..65535`];
}

function subsetNameProblems(name: unknown): string[] {
  if (name === undefined) return [];
  if (typeof name !== 'string' || name === '') return ['subset name cannot be empty'];
  return DNS_LABEL.test(name) && name.length <= 63 ? [] : [`subset name is invalid: ${name}`];
}

function destinationsProblems(routes: unknown[]): string[] {
  const out: string[] = [];
  let total = 0;
  for (const raw of routes) {
    const r = asJson(raw);
    const weight = typeof r.weight === 'number' ? r.weight : 0;
    if (weight < 0) out.push(`weight ${weight} < 0`);
    total += weight;
    if (r.destination === undefined) {
      out.push('destination is required');
      continue;
    }
    const d = asJson(r.destination);
    if (d.host === '*') out.push(`invalid destination host ${String(d.host)}`);
    else out.push(...domainProblems(d.host));
    out.push(...subsetNameProblems(d.subset));
    if (d.port !== undefined) out.push(...portProblems(asJson(d.port).number));
  }
  if (routes.length > 1 && total === 0) out.push('total destination weight = 0');
  return out;
}

function stringMatchProblems(match: unknown, what: string): string[] {
  const m = asJson(match);
  const out: string[] = [];
  for (const key of ['exact', 'prefix'] as const) if (m[key] === '' && what !== 'uri') out.push(`${what}: ${key} match must not be empty`);
  if (typeof m.regex === 'string') {
    try {
      new RegExp(m.regex);
    } catch {
      out.push(`${what}: "${m.regex}" is not a valid regex`);
    }
  }
  return out;
}

function virtualServiceProblems(spec: Json): string[] {
  const out: string[] = [];
  const hosts = list(spec.hosts);
  const http = list(spec.http);
  const tcp = list(spec.tcp);
  const tls = list(spec.tls);
  if (http.length + tcp.length + tls.length === 0) out.push('http, tcp or tls must be provided in virtual service');
  hosts.forEach((h) => out.push(...domainProblems(h)));
  if (new Set(hosts).size !== hosts.length) out.push(`duplicate hosts in virtual service: ${hosts.join(' & ')}`);
  for (const raw of http) {
    const route = asJson(raw);
    const name = String(route.name ?? '');
    if (route.delegate !== undefined) {
      if (route.route !== undefined) out.push(`root HTTP route ${name} must not specify route`);
    } else if (list(route.route).length === 0) out.push('HTTP route, redirect or direct_response is required');
    for (const m of list(route.match).map(asJson)) {
      out.push(...portProblems(m.port));
      if (m.uri !== undefined) out.push(...stringMatchProblems(m.uri, 'uri'));
      for (const [header, match] of Object.entries(asJson(m.headers))) out.push(...stringMatchProblems(match, `header ${header}`));
    }
    out.push(...destinationsProblems(list(route.route)));
  }
  for (const raw of tcp) {
    const route = asJson(raw);
    if (list(route.route).length === 0) out.push('TCP route is required');
    list(route.match).forEach((m) => out.push(...portProblems(asJson(m).port)));
    out.push(...destinationsProblems(list(route.route)));
  }
  for (const raw of tls) {
    const route = asJson(raw);
    const matches = list(route.match).map(asJson);
    if (matches.length === 0) out.push('TLS route must have at least one match condition');
    for (const m of matches) {
      const sni = list(m.sniHosts);
      if (sni.length === 0) out.push('TLS match must have at least one SNI host');
      for (const s of sni) if (!hosts.includes(s)) out.push(`SNI host "${String(s)}" is not a compatible subset of any of the virtual service hosts: [${hosts.join(', ')}]`);
      out.push(...portProblems(m.port));
    }
    if (list(route.route).length === 0) out.push('TLS route is required');
    out.push(...destinationsProblems(list(route.route)));
  }
  return out;
}

function trafficPolicyProblems(raw: unknown): string[] {
  if (raw === undefined) return [];
  const policy = asJson(raw);
  const out: string[] = [];
  if (Object.keys(policy).length === 0) out.push('traffic policy must have at least one field');
  out.push(...loadBalancerProblems(policy.loadBalancer));
  for (const p of list(policy.portLevelSettings).map(asJson)) {
    const port = asJson(p.port).number;
    if (port === undefined) out.push('portTrafficPolicy must have valid port');
    else out.push(...portProblems(port));
    if (Object.keys(p).filter((k) => k !== 'port').length === 0) out.push('port traffic policy must have at least one field');
    out.push(...loadBalancerProblems(p.loadBalancer));
  }
  return out;
}

function loadBalancerProblems(raw: unknown): string[] {
  const cookie = asJson(asJson(asJson(raw).consistentHash).httpCookie);
  return raw !== undefined && asJson(asJson(raw).consistentHash).httpCookie !== undefined && !cookie.name ? ['name required for HttpCookie'] : [];
}

function destinationRuleProblems(spec: Json): string[] {
  const out = [...domainProblems(spec.host), ...trafficPolicyProblems(spec.trafficPolicy)];
  const seen = new Set<unknown>();
  for (const s of list(spec.subsets).map(asJson)) {
    if (seen.has(s.name)) out.push(`duplicate subset names: ${String(s.name)}`);
    seen.add(s.name);
    out.push(...subsetNameProblems(s.name ?? ''));
    out.push(...trafficPolicyProblems(s.trafficPolicy));
  }
  return out;
}
