/** A path into a parsed YAML document: map keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** `spec.to[0].targetRef.kind`, the notation Kuma uses in its validation messages. */
export function formatPath(path: NodePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
