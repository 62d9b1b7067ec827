/** Names Kuma 2.6 gives Envoy resources (`pkg/xds/envoy/tags/match.go`, `meshhttproute` `HashMatches`). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { SERVICE_TAG, type HttpMatch } from '../../model/kuma/types';

/**
 * `Tags.DestinationClusterName`: `<service>` when the tags are only `kuma.io/service`, else
 * `<service>-<first 8 bytes of sha256 over the sorted key-value pairs, in hex>`.
 */
export function clusterName(service: string, tags: Record<string, string>): string {
  const all: Record<string, string> = { ...tags, [SERVICE_TAG]: service };
  const keys = Object.keys(all).sort();
  if (keys.length === 1) return service;
  const digest = sha256(utf8ToBytes(keys.map((k) => `${k}${all[k]}`).join('')));
  return `${service}-${bytesToHex(digest).slice(0, 16)}`;
}

/** Envoy route name: base64 of sha256 over Go's `json.Marshal` of the rule's matches (struct field order), a missing path read as `PathPrefix /`. */
export function routeName(matches: readonly HttpMatch[]): string {
  const goJson = `[${matches.map(marshalMatch).join(',')}]`.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return base64(sha256(utf8ToBytes(goJson)));
}

function marshalMatch(m: HttpMatch): string {
  const fields: string[] = [];
  m = { ...m, path: m.path ?? { type: 'PathPrefix', value: '/' } }; // prepareRoutes fills the catch-all path first
  if (m.path) fields.push(`"path":{"value":${JSON.stringify(m.path.value)},"type":${JSON.stringify(m.path.type)}}`);
  if (m.method) fields.push(`"method":${JSON.stringify(m.method)}`);
  if (m.queryParams?.length) {
    fields.push(`"queryParams":[${m.queryParams.map((q) => `{"type":${JSON.stringify(q.type)},"name":${JSON.stringify(q.name)},"value":${JSON.stringify(q.value)}}`).join(',')}]`);
  }
  if (m.headers?.length) {
    const header = (h: NonNullable<HttpMatch['headers']>[number]) =>
      `{${h.type ? `"type":${JSON.stringify(h.type)},` : ''}"name":${JSON.stringify(h.name)}${h.value ? `,"value":${JSON.stringify(h.value)}` : ''}}`;
    fields.push(`"headers":[${m.headers.map(header).join(',')}]`);
  }
  return `{${fields.join(',')}}`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** `x-kuma-tags`: every tag of the source proxy's inbounds, `&key=value&` sorted by key, several values comma-joined. */
export function kumaTagsHeader(inboundTags: readonly Record<string, string>[]): string {
  const values = new Map<string, Set<string>>();
  for (const tags of inboundTags) for (const [k, v] of Object.entries(tags)) (values.get(k) ?? values.set(k, new Set()).get(k))?.add(v);
  return [...values.keys()]
    .sort()
    .map((k) => `&${k}=${[...(values.get(k) ?? [])].sort().join(',')}&`)
    .join('');
}
