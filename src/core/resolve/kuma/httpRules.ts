/**
 * Kuma 2.6 MeshHTTPRoute rules for one destination: how the rules of every applicable `to[]` entry merge
 * (`MergeConfs` with `mergeValuesByKey` on `rules`, keyed by `matches`) and the catch-all `prepareRoutes` appends.
 * There is no re-sorting by Gateway API precedence: that came in Kuma 2.7.
 */
import type { BackendRef, HttpFilter, HttpMatch, HttpRouteTo, HttpRule, MeshHTTPRoutePolicy } from '../../model/kuma/types';

/** One `to[]` entry of one MeshHTTPRoute that applies to the destination. */
export interface HttpToItem {
  policy: MeshHTTPRoutePolicy;
  to: HttpRouteTo;
}

/** A rule after merging: its matches, the merged `default`, and which policies contributed. */
export interface MergedHttpRule {
  matches: HttpMatch[];
  /** Null: the rule sends to the destination itself (with the outbound's tags, weight 100). */
  backendRefs: BackendRef[] | null;
  filters: HttpFilter[] | null;
  /** The item whose position the rule takes: the highest-priority one with these matches. */
  winner: HttpToItem;
  /** The rule as written by the winner. */
  rule: HttpRule;
  /** Lower-priority items with the same matches, merged into this rule (lowest first). */
  mergedFrom: HttpToItem[];
}

/** The catch-all match Kuma appends when no rule has exactly it. */
export const CATCH_ALL: HttpMatch[] = [{ path: { type: 'PathPrefix', value: '/' } }];

/**
 * Merges the rules of `items` (priority order, lowest first) as Kuma 2.6 does: the highest-priority policy's rules
 * come first in their declared order, then the lower policies' rules; rules with identical matches collapse into
 * one at the position of the higher-priority one, merged field by field (a field set by the higher one replaces the
 * lower one's, a field it leaves out is inherited).
 */
export function mergeHttpRules(items: readonly HttpToItem[]): MergedHttpRule[] {
  // GetDefault reverses each entry's rules; the concatenation runs in ascending priority.
  const all = items.flatMap((item) => [...item.to.rules].reverse().map((rule) => ({ item, rule })));
  let merged: MergedHttpRule[] = [];
  for (const { item, rule } of all) {
    const earlier = merged.find((m) => sameMatches(m.matches, rule.matches));
    const next: MergedHttpRule = {
      matches: rule.matches,
      backendRefs: rule.backendRefs ?? earlier?.backendRefs ?? null,
      filters: rule.filters ?? earlier?.filters ?? null,
      winner: item,
      rule,
      mergedFrom: earlier ? [...earlier.mergedFrom, earlier.winner] : [],
    };
    if (earlier) merged = merged.filter((m) => m !== earlier);
    merged.push(next);
  }
  return merged.reverse(); // PolicyDefault.Transform
}

/** Whether `prepareRoutes` appends the catch-all `PathPrefix /` rule to these rules. */
export function needsCatchAll(rules: readonly { matches: HttpMatch[] }[]): boolean {
  return !rules.some((r) => sameMatches(r.matches, CATCH_ALL));
}

/** `reflect.DeepEqual` on matches, as Kuma keys the merge. */
export function sameMatches(a: readonly HttpMatch[], b: readonly HttpMatch[]): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `PathPrefix /api`, `header x-version: v2`, `GET`: a match as the graph and the command line show it. */
export function describeHttpMatch(match: HttpMatch): string {
  const parts: string[] = [];
  if (match.method) parts.push(match.method);
  if (match.path) parts.push(`${match.path.type} ${match.path.value}`);
  for (const h of match.headers ?? []) {
    if (h.type === 'Present' || h.type === 'Absent') parts.push(`header ${h.name} ${h.type}`);
    else parts.push(`header ${h.name}${!h.type || h.type === 'Exact' ? '' : ` ${h.type}`}: ${h.value ?? ''}`);
  }
  for (const q of match.queryParams ?? []) parts.push(`query ${q.name}${q.type === 'Exact' ? '' : ` ${q.type}`}: ${q.value}`);
  return parts.length > 0 ? parts.join(', ') : 'any request';
}

/** A rule's matches (alternatives) in one line: `PathPrefix /v2 | PathPrefix /v3`. */
export function describeHttpMatches(matches: readonly HttpMatch[]): string {
  return matches.length === 0 ? 'any request' : matches.map(describeHttpMatch).join(' | ');
}
