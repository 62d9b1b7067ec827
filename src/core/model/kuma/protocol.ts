import type { Protocol } from '../../resolve/routeTable';

/** Kuma's protocol stacks: each protocol and the ones it can fall back to. */
const STACKS: Record<string, readonly string[]> = {
  grpc: ['grpc', 'http2', 'tcp'],
  http2: ['http2', 'tcp'],
  http: ['http', 'tcp'],
  kafka: ['kafka', 'tcp'],
  tcp: ['tcp'],
};

/** Kuma `ParseProtocol`: a missing or unknown `kuma.io/protocol` tag is `unknown`. */
export function parseProtocol(tag: string | undefined): Protocol {
  return tag !== undefined && tag in STACKS ? (tag as Protocol) : 'unknown';
}

/** Kuma `GetCommonProtocol`: the protocol every endpoint of a service can speak (http + http2 gives tcp). */
export function commonProtocol(one: Protocol, another: Protocol): Protocol {
  if (one === another) return one;
  if (one === 'unknown' || another === 'unknown') return 'unknown';
  if (STACKS[one]?.includes(another)) return another;
  if (STACKS[another]?.includes(one)) return one;
  return 'tcp';
}
