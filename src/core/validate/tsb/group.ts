/** Validates a TSB traffic Group: its namespace selectors are the clients its ServiceRoutes are drawn from. */
import { asArray, asRecord, asString } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import type { TrafficGroup } from '../../model/tsb/types';
import { toDiagnostic } from '../finding';
import { tsbDiagnostic } from './diagnostic';
import { groupSpecSchema, resourceSchema } from './schemas';
import { tsbSchemaCheck } from './schemaCheck';
import { readScope } from './scope';
import type { ReadResult } from './serviceRoute';

const checkSpec = tsbSchemaCheck(groupSpecSchema);
const checkTop = tsbSchemaCheck(resourceSchema);

export function readGroup(header: ResourceHeader): ReadResult<TrafficGroup> {
  const source = header.source;
  const diagnostics = checkTop(header.body, []).map((f) => toDiagnostic(source, f));
  if (!header.name) diagnostics.push(tsbDiagnostic(source, 'error', 'TSB_REQUIRED', ['metadata', 'name'], 'must be defined: every TSB resource has a name'));
  const spec = asRecord(header.body.spec) ?? {};
  diagnostics.push(...checkSpec(spec, ['spec']).map((f) => toDiagnostic(source, f)));
  const names = (asArray(asRecord(spec.namespaceSelector)?.names) ?? []).flatMap((n) => (typeof n === 'string' ? [n] : []));
  const legacy = (asArray(spec.namespaceSelectors) ?? []).flatMap((s) => {
    const name = asString(asRecord(s)?.name);
    return name ? [name] : [];
  });
  if (spec.namespaceSelectors !== undefined) {
    diagnostics.push(
      tsbDiagnostic(source, 'warning', 'TSB_GROUP_NAMESPACE_SELECTORS', ['spec', 'namespaceSelectors'], 'the Group reference writes namespaceSelector: {names: [...]} (namespaceSelectors is a mistake of the ServiceRoute page\'s example); read as such', [
        { title: 'Rewrite as namespaceSelector.names', changes: [{ op: 'delete', path: ['spec', 'namespaceSelectors'] }, { op: 'set', path: ['spec', 'namespaceSelector', 'names'], value: legacy }] },
      ]),
    );
  }
  const group: TrafficGroup = {
    name: header.name,
    scope: readScope(header),
    namespaces: [...names, ...legacy],
    configMode: asString(spec.configMode) ?? null,
    source,
    namePath: header.namePath,
  };
  return { value: header.name ? group : null, diagnostics };
}
