/** A path into a parsed YAML document: map keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** `spec.to[0].targetRef.kind`, the notation Kuma uses in its validation messages. */
/** Maps whose keys are user data (tag names), written `tags["version"]` as Kuma does. */
const USER_KEYED = new Set(['tags', 'labels', 'annotations']);

export function formatPath(path: NodePath): string {
  let out = '';
  path.forEach((segment, i) => {
    const parent = path[i - 1];
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof parent === 'string' && USER_KEYED.has(parent)) out += `[${JSON.stringify(segment)}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  });
  return out;
}
