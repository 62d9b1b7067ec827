/** Builds the typed ServiceRoute from its YAML: lenient, since the schema has already reported what is ill-typed. */
import { asArray, asRecord, asString, asTags, type RawRecord } from '../../model/raw';
import type {
  FlaggerDestination,
  HttpMatch,
  HttpRoute,
  PortSetting,
  ServiceDestination,
  StickySession,
  StringMatch,
  Subset,
  TcpRoute,
  TrafficType,
} from '../../model/tsb/types';
import type { NodePath } from '../../source/path';

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const records = (value: unknown): [RawRecord, number][] =>
  (asArray(value) ?? []).flatMap((item, i): [RawRecord, number][] => {
    const record = asRecord(item);
    return record ? [[record, i]] : [];
  });

/** The hash key of a sticky session; null when none is set (an empty map, or `useSourceIp: false`). */
export function readSticky(raw: unknown): StickySession | null {
  const sticky = asRecord(raw);
  if (!sticky) return null;
  if (typeof sticky.header === 'string' && sticky.header !== '') return { kind: 'header', header: sticky.header };
  const cookie = asRecord(sticky.cookie);
  if (cookie) return { kind: 'cookie', name: asText(cookie.name), path: asText(cookie.path), ttl: asText(cookie.ttl) };
  if (sticky.useSourceIp === true) return { kind: 'sourceIp' };
  return null;
}

export function readPortSettings(raw: unknown, at: NodePath): PortSetting[] {
  return records(raw).flatMap(([setting, i]) => {
    const port = asNumber(setting.port);
    const trafficType = asString(setting.trafficType) as TrafficType | undefined;
    if (port === null || !trafficType) return [];
    return [{ port, trafficType, sticky: readSticky(setting.stickySession), path: [...at, i] }];
  });
}

export function readSubsets(raw: unknown): Subset[] {
  return records(raw).map(([subset, i]) => ({
    name: asText(subset.name),
    labels: asTags(subset.labels),
    weight: asNumber(subset.weight),
    portLevelSettings: readPortSettings(subset.portLevelSettings, ['spec', 'subsets', i, 'portLevelSettings']),
    path: ['spec', 'subsets', i],
  }));
}

function readStringMatch(raw: unknown): StringMatch | null {
  const match = asRecord(raw);
  if (!match) return null;
  const out: StringMatch = {};
  for (const key of ['exact', 'prefix', 'regex'] as const) if (typeof match[key] === 'string') out[key] = match[key];
  return out;
}

function readDestinations(raw: unknown, at: NodePath): ServiceDestination[] {
  return records(raw).map(([d, i]) => ({
    subset: asString(d.subset) ?? null,
    weight: asNumber(d.weight),
    port: asNumber(d.port),
    host: asString(d.destinationHost) || null,
    path: [...at, i],
  }));
}

function readFlagger(raw: unknown, at: NodePath): FlaggerDestination | null {
  const flagger = asRecord(raw);
  return flagger ? { canary: asText(flagger.canary), namespace: asText(flagger.namespace), path: at } : null;
}

export function readHttpRoutes(raw: unknown): HttpRoute[] {
  return records(raw).map(([route, i]) => {
    const at: NodePath = ['spec', 'httpRoutes', i];
    const matches = records(route.match).map(([m, j]): HttpMatch => {
      const headers: Record<string, StringMatch> = {};
      for (const [name, value] of Object.entries(asRecord(m.headers) ?? {})) {
        const match = readStringMatch(value);
        if (match) headers[name] = match;
      }
      return { name: asText(m.name), uri: readStringMatch(m.uri), headers, port: asNumber(m.port), path: [...at, 'match', j] };
    });
    return {
      name: asText(route.name),
      matches,
      destinations: readDestinations(route.destination, [...at, 'destination']),
      flagger: readFlagger(route.flagger, [...at, 'flagger']),
      path: at,
    };
  });
}

export function readTcpRoutes(raw: unknown): TcpRoute[] {
  return records(raw).map(([route, i]) => {
    const at: NodePath = ['spec', 'tcpRoutes', i];
    return {
      name: asText(route.name),
      matches: records(route.match).map(([m, j]) => ({ name: asText(m.name), port: asNumber(m.port), path: [...at, 'match', j] })),
      destinations: readDestinations(route.destination, [...at, 'destination']),
      path: at,
    };
  });
}
