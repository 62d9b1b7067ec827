import { describe, expect, it } from 'vitest';
import { commonProtocol, parseProtocol } from './protocol';

describe('commonProtocol (Kuma GetCommonProtocol)', () => {
  it.each([
    ['http', 'http', 'http'],
    ['http', 'tcp', 'tcp'],
    ['http', 'http2', 'tcp'],
    ['grpc', 'http2', 'http2'],
    ['kafka', 'tcp', 'tcp'],
    ['grpc', 'http', 'tcp'],
    ['unknown', 'tcp', 'unknown'],
  ] as const)('%s + %s = %s', (a, b, expected) => {
    expect(commonProtocol(a, b)).toBe(expected);
    expect(commonProtocol(b, a)).toBe(expected);
  });

  it('reads a missing or unknown tag as unknown', () => {
    expect(parseProtocol(undefined)).toBe('unknown');
    expect(parseProtocol('mongo')).toBe('unknown');
  });
});
