import { describe, expect, it } from 'vitest';
import { clusterName, kumaTagsHeader, routeName } from './names';

describe('Kuma 2.6 Envoy names', () => {
  it('names a cluster after its service, hashing any other tags as Tags.DestinationClusterName does', () => {
    expect(clusterName('backend', {})).toBe('backend');
    expect(clusterName('backend', { region: 'eu' })).toBe('backend-bb38a94289f18fb9');
    expect(clusterName('backend', { region: 'us' })).toBe('backend-c72efb5be46fae6b');
  });

  it('names an Envoy route after the sha256 of its matches, a missing path read as PathPrefix /', () => {
    expect(routeName([{ path: { type: 'PathPrefix', value: '/' } }])).toBe('9Zuf5Tg79OuZcQITwBbQykxAk2u4fRKrwYn3//AL4Yo=');
    expect(routeName([{ queryParams: [{ type: 'Exact', name: 'v1', value: 'true' }] }])).toBe('6B044knLw3l3+wG86HzzF5jnxXsiiMfGbgxvh+ZmU9Y=');
  });

  it('writes the x-kuma-tags header from the source inbounds, sorted, several values comma-joined', () => {
    expect(kumaTagsHeader([{ 'kuma.io/service': 'web', 'kuma.io/protocol': 'http' }])).toBe('&kuma.io/protocol=http&&kuma.io/service=web&');
    expect(kumaTagsHeader([{ 'kuma.io/service': 'web' }, { 'kuma.io/service': 'admin' }])).toBe('&kuma.io/service=admin,web&');
  });
});
