import type { HttpFilter, HttpMatch, HttpRouteTo, HttpRule, MeshHTTPRoutePolicy } from '../../model/kuma/types';
import { asArray, asRecord, asString } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import { locate, spanAt } from '../../source/document';
import type { NodePath } from '../../source/path';
import { finding, toDiagnostic, type Finding } from '../finding';
import { schemaCheck, type JsonSchema } from '../schema';
import { NEWER_FIELDS, readBackendRefs, readTargetRef, warnAllWeightsZero, type ReadResult } from './meshTcpRoute';
import { meshOf, topLevelFindings } from './resourceShape';
import httpRouteSchema from './schemas/meshhttproute-2.6.0.schema.json';
import { validateTargetRef, warnSubsetWithoutTags } from './targetRef';
import type { KumaModelName } from '../../model/kuma/current/modelChoice';
import { policyScope } from '../../model/kuma/current/scope';
import { currentModelFindings, validateCurrentRoute } from './current/routeSpec';

/** Kuma 2.6 `meshhttproute/api/v1alpha1/validation.go`: the kinds allowed at each position. */
const TOP_LEVEL_KINDS = ['Mesh', 'MeshGateway', 'MeshSubset', 'MeshService', 'MeshServiceSubset'];
const BACKEND_KINDS = ['MeshService', 'MeshServiceSubset'];

export const checkSpecSchema = schemaCheck(
  'KUMA_SCHEMA',
  (httpRouteSchema as JsonSchema).properties?.spec as JsonSchema,
  (e) => e.keyword === 'enum' && e.instancePath.endsWith('/kind'),
  NEWER_FIELDS,
);

/**
 * Validates a MeshHTTPRoute as Kuma 2.6 does (schema, then the Go validator), or as Kuma 2.14 under the current
 * model; the typed policy only when it has no error.
 */
export function readMeshHttpRoute(header: ResourceHeader, model: KumaModelName = 'kuma-2.6'): ReadResult<MeshHTTPRoutePolicy> {
  const source = header.source;
  const specFindings =
    model === 'kuma-2.14'
      ? currentModelFindings(checkSpecSchema(header.body.spec, ['spec']), header, [...validateCurrentRoute(header.body.spec, 'MeshHTTPRoute'), ...validateHttpRules(header.body.spec)])
      : validateSpec(header.body.spec);
  const findings = [...topLevelFindings(header, 'spec'), ...specFindings];
  const diagnostics = findings.map((f) => toDiagnostic(source, f));
  if (findings.some((f) => f.severity === 'error')) return { value: null, diagnostics };

  const spec = asRecord(header.body.spec) ?? {};
  const targetRef = readTargetRef(spec.targetRef);
  const policy: MeshHTTPRoutePolicy = {
    kind: 'MeshHTTPRoute',
    name: header.name,
    mesh: meshOf(header),
    displayName: header.labels['kuma.io/display-name'] ?? header.name,
    origin: header.labels['kuma.io/origin'] ?? null,
    scope: policyScope(header),
    targetRef,
    to: (asArray(spec.to) ?? []).map((raw, index) => readTo(header, raw, index)),
    location: locate(source, header.namePath),
    targetRefLocation: spanAt(source, ['spec', 'targetRef']),
    targetRefKeyLocation: locate(source, ['spec', 'targetRef']),
  };
  if (targetRef.kind === 'MeshGateway') {
    diagnostics.push(toDiagnostic(source, finding('info', 'KUMA_GATEWAY_NOT_DRAWN', ['spec', 'targetRef', 'kind'], 'a MeshGateway route is valid, but gateway routes are not drawn yet')));
  }
  return { value: policy, diagnostics };
}

function validateSpec(rawSpec: unknown): Finding[] {
  if (rawSpec === undefined || rawSpec === null) return [finding('error', 'KUMA_SCHEMA', ['spec'], 'must be defined')];
  const out = checkSpecSchema(rawSpec, ['spec']);
  const spec = asRecord(rawSpec);
  if (!spec) return out;
  const top = asRecord(spec.targetRef);
  const gateway = asString(top?.kind) === 'MeshGateway';
  out.push(...validateTargetRef(top, ['spec', 'targetRef'], TOP_LEVEL_KINDS, { gatewayListenerTagsAllowed: true }));
  out.push(...warnSubsetWithoutTags(top, ['spec', 'targetRef']));
  (asArray(spec.to) ?? []).forEach((rawTo, i) => {
    const to = asRecord(rawTo);
    const at: NodePath = ['spec', 'to', i];
    out.push(...validateTargetRef(to?.targetRef, [...at, 'targetRef'], gateway ? ['Mesh'] : ['MeshService']));
    if (!gateway && (asArray(to?.hostnames)?.length ?? 0) > 0) out.push(finding('error', 'KUMA_HTTP_ROUTE', [...at, 'hostnames'], 'must not be defined'));
    (asArray(to?.rules) ?? []).forEach((rawRule, j) => out.push(...validateRule(asRecord(rawRule), [...at, 'rules', j], gateway, asString(asRecord(to?.targetRef)?.name))));
  });
  return out;
}

/** The rules' matches and filters (the parts the current model validates as 2.6 did). */
function validateHttpRules(rawSpec: unknown): Finding[] {
  const out: Finding[] = [];
  (asArray(asRecord(rawSpec)?.to) ?? []).forEach((rawTo, i) => {
    (asArray(asRecord(rawTo)?.rules) ?? []).forEach((rawRule, j) => {
      const rule = asRecord(rawRule);
      const at: NodePath = ['spec', 'to', i, 'rules', j];
      const matches = asArray(rule?.matches) ?? [];
      matches.forEach((raw, m) => out.push(...validateMatch(asRecord(raw), [...at, 'matches', m])));
      (asArray(asRecord(rule?.default)?.filters) ?? []).forEach((raw, f) => out.push(...validateFilter(asRecord(raw), [...at, 'default', 'filters', f], matches, true)));
    });
  });
  return out;
}

function validateRule(rule: Record<string, unknown> | undefined, at: NodePath, gateway: boolean, destination: string | undefined): Finding[] {
  const out: Finding[] = [];
  const matches = asArray(rule?.matches) ?? [];
  matches.forEach((raw, m) => out.push(...validateMatch(asRecord(raw), [...at, 'matches', m])));
  const def = asRecord(rule?.default);
  (asArray(def?.filters) ?? []).forEach((raw, f) => out.push(...validateFilter(asRecord(raw), [...at, 'default', 'filters', f], matches)));
  const refs = asArray(def?.backendRefs);
  const refsPath: NodePath = [...at, 'default', 'backendRefs'];
  if (!refs || refs.length === 0) {
    if (gateway) out.push(finding('error', 'KUMA_HTTP_ROUTE', refsPath, 'must not be empty'));
    return out;
  }
  refs.forEach((ref, k) => {
    out.push(...validateTargetRef(ref, [...refsPath, k], BACKEND_KINDS));
    out.push(...warnSubsetWithoutTags(ref, [...refsPath, k]));
  });
  out.push(...warnAllWeightsZero(refs, refsPath, destination));
  return out;
}

function validateMatch(match: Record<string, unknown> | undefined, at: NodePath): Finding[] {
  const out: Finding[] = [];
  const path = asRecord(match?.path);
  const value = asString(path?.value);
  if (path && value !== undefined) {
    const type = asString(path.type);
    const valueAt: NodePath = [...at, 'path', 'value'];
    if (type === 'PathPrefix' && value !== '/' && value.endsWith('/')) {
      out.push(finding('error', 'KUMA_HTTP_MATCH', valueAt, 'does not need a trailing slash because only a `/`-separated prefix or an entire path is matched'));
    }
    if ((type === 'PathPrefix' || type === 'Exact') && value !== '/' && !value.startsWith('/')) out.push(finding('error', 'KUMA_HTTP_MATCH', valueAt, 'must be an absolute path'));
  }
  (asArray(match?.headers) ?? []).forEach((raw, h) => {
    const header = asRecord(raw);
    const type = asString(header?.type) ?? 'Exact';
    if ((type === 'Present' || type === 'Absent') && (asString(header?.value) ?? '') !== '') {
      out.push(finding('error', 'KUMA_HTTP_MATCH', [...at, 'headers', h, 'value'], `must not be defined (a ${type} header match has no value)`));
    }
  });
  const seen = new Set<string>();
  (asArray(match?.queryParams) ?? []).forEach((raw, q) => {
    const name = asString(asRecord(raw)?.name);
    if (name === undefined) return;
    if (seen.has(name)) out.push(finding('error', 'KUMA_HTTP_MATCH', [...at, 'queryParams', q, 'name'], `multiple entries for name ${name}`));
    seen.add(name);
  });
  return out;
}

const FILTER_FIELD: Record<string, string> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  RequestMirror: 'requestMirror',
};

function validateFilter(filter: Record<string, unknown> | undefined, at: NodePath, matches: unknown[], current = false): Finding[] {
  const type = asString(filter?.type);
  const field = type ? FILTER_FIELD[type] : undefined;
  if (!filter || !field) return []; // the schema reports a missing or unknown type
  const body = asRecord(filter[field]);
  if (!body) return [finding('error', 'KUMA_HTTP_FILTER', [...at, field], 'must be defined')];
  const out: Finding[] = [];
  if (field === 'requestHeaderModifier' || field === 'responseHeaderModifier') {
    if (body.set === undefined && body.add === undefined && body.remove === undefined) {
      out.push(finding('error', 'KUMA_HTTP_FILTER', [...at, field], 'must have at least one defined: set, add, remove'));
    }
  }
  if ((field === 'requestRedirect' || field === 'urlRewrite') && asRecord(body.path)?.replacePrefixMatch !== undefined) {
    const allPrefix = matches.length > 0 && matches.every((m) => asString(asRecord(asRecord(m)?.path)?.type) === 'PathPrefix');
    if (!allPrefix) out.push(finding('error', 'KUMA_HTTP_FILTER', [...at, field, 'path', 'replacePrefixMatch'], 'can only appear if all matches match a path prefix'));
  }
  if (field === 'requestMirror' && !current) out.push(...validateTargetRef(body.backendRef, [...at, field, 'backendRef'], BACKEND_KINDS));
  return out;
}

function readTo(header: ResourceHeader, raw: unknown, index: number): HttpRouteTo {
  const source = header.source;
  const to = asRecord(raw) ?? {};
  const at: NodePath = ['spec', 'to', index];
  return {
    index,
    destination: readTargetRef(to.targetRef),
    rules: (asArray(to.rules) ?? []).map((rawRule, j) => readRule(header, asRecord(rawRule) ?? {}, [...at, 'rules', j])),
    location: spanAt(source, at),
    destinationLocation: locate(source, [...at, 'targetRef', 'name']),
  };
}

function readRule(header: ResourceHeader, rule: Record<string, unknown>, at: NodePath): HttpRule {
  const def = asRecord(rule.default) ?? {};
  const refs = asArray(def.backendRefs);
  const filters = asArray(def.filters);
  return {
    matches: (asArray(rule.matches) ?? []).map((m) => readMatch(asRecord(m) ?? {})),
    backendRefs: refs ? readBackendRefs(header, refs, [...at, 'default', 'backendRefs']) : null,
    filters: filters ? filters.map((f) => ({ ...(asRecord(f) ?? {}), type: asString(asRecord(f)?.type) ?? '' }) as HttpFilter) : null,
    location: spanAt(header.source, at),
  };
}

/** A match with only the fields that are set, so that two matches written alike compare equal. */
function readMatch(raw: Record<string, unknown>): HttpMatch {
  const match: HttpMatch = {};
  const path = asRecord(raw.path);
  if (path) match.path = { type: asString(path.type) as NonNullable<HttpMatch['path']>['type'], value: asString(path.value) ?? '' };
  const method = asString(raw.method);
  if (method) match.method = method;
  const headers = asArray(raw.headers);
  if (headers) {
    match.headers = headers.map((h) => {
      const header = asRecord(h) ?? {};
      const value = asString(header.value);
      const type = asString(header.type);
      return { ...(type !== undefined ? { type } : {}), name: asString(header.name) ?? '', ...(value !== undefined ? { value } : {}) };
    });
  }
  const queryParams = asArray(raw.queryParams);
  if (queryParams) {
    match.queryParams = queryParams.map((q) => {
      const param = asRecord(q) ?? {};
      return { type: asString(param.type) as 'Exact' | 'RegularExpression', name: asString(param.name) ?? '', value: asString(param.value) ?? '' };
    });
  }
  return match;
}
