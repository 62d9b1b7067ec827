/** The inverse of `formatPath` (src/core/source/path.ts): `spec.to[0].tags["version"]` -> ['spec', 'to', 0, 'tags', 'version']. */
import type { YamlPath } from './change';

const SEGMENT = /(?:^|\.)([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** Null when `formatted` is not a path formatPath could have written. */
export function parsePath(formatted: string): YamlPath | null {
  const path: (string | number)[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < formatted.length) {
    const at = SEGMENT.lastIndex;
    const match = SEGMENT.exec(formatted);
    if (!match || (at > 0 && match[0].startsWith('.') === false && match[1] !== undefined)) return null;
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else if (match[3] !== undefined) path.push(JSON.parse(match[3]) as string);
  }
  return path;
}
