/** Narrowing helpers for values read from user YAML: every field may be of any type. */
export type RawRecord = Record<string, unknown>;

export function asRecord(value: unknown): RawRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RawRecord) : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A map of string tags; numbers and booleans read the way YAML users expect (`version: 1` is "1"). Maps and lists
 * are left out: the schema reports them, and an aliased one may even be cyclic.
 */
export function asTags(value: unknown): Record<string, string> {
  const record = asRecord(value);
  const tags: Record<string, string> = {};
  if (!record) return tags;
  for (const [key, tag] of Object.entries(record)) {
    if (tag === null || tag === undefined || typeof tag === 'object') continue;
    tags[key] = String(tag);
  }
  return tags;
}

/** A name as written: a string, or a number YAML read as one (`name: 123`). */
export function asName(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
