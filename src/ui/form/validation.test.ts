import { describe, expect, it } from 'vitest';
import { dnsLabel, dnsSubdomain, parseInteger, shares, tagNameProblem } from './validation';

describe('form validation', () => {
  it('refuses negative, fractional and empty weights', () => {
    const weight = { min: 0, what: 'weight' };
    expect(parseInteger('50', weight)).toEqual({ value: 50 });
    expect(parseInteger('0', weight)).toEqual({ value: 0 });
    expect(parseInteger('-5', weight)).toEqual({ error: 'a weight cannot be negative' });
    expect(parseInteger('1.5', weight)).toEqual({ error: 'a weight is a whole number' });
    expect(parseInteger('', weight)).toEqual({ error: 'a weight is required' });
    expect(parseInteger('70000', { min: 1, max: 65535, what: 'port' })).toEqual({ error: 'a port is at most 65535' });
  });

  it('accepts DNS labels and names only', () => {
    expect(dnsLabel('v1')).toBeNull();
    expect(dnsLabel('V1')).toMatch(/not a DNS label/);
    expect(dnsLabel('a_b')).toMatch(/not a DNS label/);
    expect(dnsLabel('-a')).toMatch(/not a DNS label/);
    expect(dnsLabel('a'.repeat(64))).toBe('at most 63 characters');
    expect(dnsSubdomain('tcp-route-1.kuma-system')).toBeNull();
    expect(dnsSubdomain('Route')).toMatch(/not a DNS name/);
    expect(dnsSubdomain('a..b')).toMatch(/not a DNS name/);
  });

  it('computes shares of relative weights', () => {
    expect(shares([90, 10])).toEqual([90, 10]);
    expect(shares([90, 50]).map(Math.round)).toEqual([64, 36]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });

  it('refuses a tag name that is empty or taken by another tag', () => {
    expect(tagNameProblem('', 'version', ['version'])).toBe('a tag needs a name');
    expect(tagNameProblem('zone', 'version', ['version', 'zone'])).toBe('there is a tag "zone" already');
    expect(tagNameProblem('version', 'version', ['version'])).toBeNull();
    expect(tagNameProblem('release', 'version', ['version', 'zone'])).toBeNull();
  });
});
