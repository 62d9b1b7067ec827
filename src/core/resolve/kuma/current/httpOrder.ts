/**
 * Gateway API precedence of MeshHTTPRoute matches, as Kuma sorts the routes of an outbound since 2.7
 * (`meshhttproute/api/v1alpha1/compare.go:CompareMatch`, stable): Exact before PathPrefix before RegularExpression
 * (a longer value first within one type), a method before none, more headers first, then more query parameters.
 */
import type { HttpMatch } from '../../../model/kuma/types';

const PATH_RANK: Record<string, number> = { Exact: 0, PathPrefix: 1, RegularExpression: 2 };

function comparePath(a: HttpMatch['path'], b: HttpMatch['path']): number {
  if (a && !b) return -1;
  if (!a && b) return 1;
  if (!a || !b) return 0;
  if (a.type === b.type) return a.type === 'Exact' ? 0 : b.value.length - a.value.length;
  return (PATH_RANK[a.type] ?? 3) - (PATH_RANK[b.type] ?? 3);
}

export function compareMatch(a: HttpMatch, b: HttpMatch): number {
  return (
    comparePath(a.path, b.path) ||
    (a.method && !b.method ? -1 : !a.method && b.method ? 1 : 0) ||
    (b.headers?.length ?? 0) - (a.headers?.length ?? 0) ||
    (b.queryParams?.length ?? 0) - (a.queryParams?.length ?? 0)
  );
}
