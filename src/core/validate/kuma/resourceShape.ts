import type { ResourceHeader } from '../../model/resource';
import { unknownFields, type JsonSchema } from '../schema';
import type { Finding } from '../finding';

const any: JsonSchema = {};

/** Top-level fields of a Kuma resource in either format; `body` is `spec` for policies, `networking` for Dataplanes. */
export function topLevelFindings(header: ResourceHeader, bodyField: 'spec' | 'networking'): Finding[] {
  const properties: Record<string, JsonSchema> =
    header.format === 'kubernetes'
      ? { apiVersion: any, kind: any, metadata: any, spec: any, mesh: any, status: any }
      : { type: any, name: any, mesh: any, labels: any, creationTime: any, modificationTime: any, [bodyField]: any };
  return unknownFields(header.body, { type: 'object', properties }, []);
}

/** The Kuma mesh of a resource: a policy's `kuma.io/mesh` label (Kubernetes) or its `mesh` field; `default` otherwise. */
export function meshOf(header: ResourceHeader): string {
  if (header.format === 'kubernetes') return header.mesh ?? header.labels['kuma.io/mesh'] ?? 'default';
  return header.mesh ?? 'default';
}
