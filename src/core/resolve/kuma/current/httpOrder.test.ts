import { describe, expect, it } from 'vitest';
import type { HttpMatch } from '../../../model/kuma/types';
import { compareMatch } from './httpOrder';

const sorted = (matches: HttpMatch[]) => [...matches].sort(compareMatch);

describe('compareMatch (Gateway API precedence, Kuma compare.go)', () => {
  it('puts Exact before PathPrefix before RegularExpression, and a path before none', () => {
    const prefix: HttpMatch = { path: { type: 'PathPrefix', value: '/a' } };
    const exact: HttpMatch = { path: { type: 'Exact', value: '/a' } };
    const regex: HttpMatch = { path: { type: 'RegularExpression', value: '/a.*' } };
    const none: HttpMatch = { method: 'GET' };
    expect(sorted([none, regex, prefix, exact])).toEqual([exact, prefix, regex, none]);
  });

  it('puts a longer prefix first, then a method, then more headers, then more query parameters', () => {
    const short: HttpMatch = { path: { type: 'PathPrefix', value: '/v1' } };
    const long: HttpMatch = { path: { type: 'PathPrefix', value: '/v1/orders' } };
    const method: HttpMatch = { ...short, method: 'POST' };
    const header: HttpMatch = { ...short, headers: [{ name: 'x', value: '1' }] };
    const query: HttpMatch = { ...short, queryParams: [{ type: 'Exact', name: 'q', value: '1' }] };
    expect(sorted([short, query, header, method, long])).toEqual([long, method, header, query, short]);
  });

  it('keeps equal matches in their order (the sort is stable)', () => {
    const a: HttpMatch = { path: { type: 'Exact', value: '/a' } };
    const b: HttpMatch = { path: { type: 'Exact', value: '/b' } };
    expect(sorted([b, a])).toEqual([b, a]);
  });
});
