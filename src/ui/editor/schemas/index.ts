/**
 * One schema for every document of a YAML file: each document gets the schema of its kind (Kubernetes format:
 * apiVersion + kind) or type (Kuma universal). monaco-yaml applies it per document, so completion and hover follow
 * the document under the cursor. Top-level `kind` and `type` complete to the kinds Route Studio understands.
 */
import { dataplaneKubernetes, dataplaneUniversal } from './dataplane';
import type { JSONSchema } from './jsonSchema';
import { KUMA_API_VERSION, kumaSchemas } from './kuma';
import { group, serviceRoute, TSB_API_VERSIONS } from './tsb';

export const ROUTE_STUDIO_SCHEMA_URI = 'inmemory://route-studio/schemas/route-studio.json';

const when = (key: 'kind' | 'type', value: string, then: JSONSchema, apiVersions?: readonly string[]): JSONSchema => ({
  if: { required: [key], properties: { [key]: { const: value }, ...(apiVersions ? { apiVersion: { enum: apiVersions } } : {}) } },
  then,
});

const kubernetesKinds = [
  ...kumaSchemas.map((k) => when('kind', k.kind, k.kubernetes, [KUMA_API_VERSION])),
  when('kind', 'Dataplane', dataplaneKubernetes, [KUMA_API_VERSION]),
  when('kind', 'ServiceRoute', serviceRoute, TSB_API_VERSIONS),
  when('kind', 'Group', group, TSB_API_VERSIONS),
];
const universalTypes = [...kumaSchemas.map((k) => when('type', k.kind, k.universal)), when('type', 'Dataplane', dataplaneUniversal)];

export const routeStudioSchema: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string', enum: [KUMA_API_VERSION, ...TSB_API_VERSIONS], description: 'API group and version of the resource (Kubernetes format).' },
    kind: { type: 'string', enum: ['MeshTCPRoute', 'MeshHTTPRoute', 'Dataplane', 'ServiceRoute', 'Group'], description: 'Kind of the resource (Kubernetes format).' },
    type: { type: 'string', enum: ['MeshTCPRoute', 'MeshHTTPRoute', 'Dataplane'], description: 'Type of the resource (Kuma universal format).' },
  },
  allOf: [...kubernetesKinds, ...universalTypes],
};
