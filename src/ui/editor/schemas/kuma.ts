/**
 * Kuma's own schemas (src/core/validate/kuma/schemas/, the ones the core validates with) for the editor, in both
 * formats: Kuma universal (`type`, `mesh`, `name`, `spec`) as Kuma publishes them, and Kubernetes (`apiVersion`,
 * `kind`, `metadata`, `spec`) around the same `spec`.
 */
import meshHttpRoute from '../../../core/validate/kuma/schemas/meshhttproute-2.6.0.schema.json';
import meshTcpRoute from '../../../core/validate/kuma/schemas/meshtcproute-2.6.0.schema.json';
import type { JSONSchema } from './jsonSchema';

export const KUMA_API_VERSION = 'kuma.io/v1alpha1';

function kubernetes(kind: string, universal: JSONSchema): JSONSchema {
  const spec = (universal.properties as Record<string, JSONSchema>).spec;
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      apiVersion: { type: 'string', enum: [KUMA_API_VERSION], description: `API version of ${kind}` },
      kind: { type: 'string', enum: [kind] },
      metadata: {
        type: 'object',
        description: 'Kubernetes object metadata: the name, the namespace (Kuma policies live in kuma-system) and the labels; `kuma.io/mesh` names the mesh.',
        properties: {
          name: { type: 'string', description: 'Name of the policy (a DNS name). The alphabetically smallest name wins a priority tie.' },
          namespace: { type: 'string', description: 'Namespace of the policy, usually kuma-system.' },
          labels: {
            type: 'object',
            properties: {
              'kuma.io/mesh': { type: 'string', description: 'The mesh this policy belongs to (default: default).' },
              'kuma.io/origin': { type: 'string', enum: ['zone', 'global'], description: 'Where the policy was created: a zone policy beats a global one of the same kind.' },
            },
          },
        },
      },
      spec: spec ?? {},
    },
  };
}

export const kumaSchemas: { kind: string; universal: JSONSchema; kubernetes: JSONSchema }[] = [
  { kind: 'MeshTCPRoute', universal: meshTcpRoute as JSONSchema, kubernetes: kubernetes('MeshTCPRoute', meshTcpRoute as JSONSchema) },
  { kind: 'MeshHTTPRoute', universal: meshHttpRoute as JSONSchema, kubernetes: kubernetes('MeshHTTPRoute', meshHttpRoute as JSONSchema) },
];
