/** The parts of a Kuma Dataplane Route Studio reads (its inventory), with Kuma's descriptions. */
import type { JSONSchema } from './jsonSchema';

const tags: JSONSchema = {
  type: 'object',
  description: 'Tags of the inbound: `kuma.io/service` names the service, `kuma.io/protocol` its protocol (tcp when unset); other tags (version...) select subsets.',
  properties: {
    'kuma.io/service': { type: 'string', description: 'The service this inbound belongs to.' },
    'kuma.io/protocol': { type: 'string', enum: ['tcp', 'http', 'http2', 'grpc', 'kafka'], description: 'Protocol of the service: decides whether a MeshHTTPRoute can apply.' },
  },
  additionalProperties: { type: 'string' },
};

export const networking: JSONSchema = {
  type: 'object',
  description: 'How the proxy is reached and what it serves and consumes.',
  properties: {
    address: { type: 'string', description: 'IP address of the proxy.' },
    inbound: {
      type: 'array',
      description: 'The services this proxy serves: each inbound is a source of traffic in the graph.',
      items: { type: 'object', properties: { port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Port the service listens on.' }, servicePort: { type: 'integer' }, tags } },
    },
    outbound: {
      type: 'array',
      description: 'The services this proxy reaches (without transparent proxying).',
      items: { type: 'object', properties: { port: { type: 'integer', minimum: 1, maximum: 65535 }, tags } },
    },
    transparentProxying: {
      type: 'object',
      description: 'With transparent proxying the proxy reaches `reachableServices`, or every service of its mesh when unset.',
      properties: { reachableServices: { type: 'array', items: { type: 'string' }, description: 'The only services this proxy reaches.' } },
    },
  },
};

export const dataplaneUniversal: JSONSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['Dataplane'], description: 'Kuma universal format: the resource type.' },
    mesh: { type: 'string', description: 'The mesh this proxy belongs to.' },
    name: { type: 'string', description: 'Name of the proxy.' },
    networking,
  },
};

export const dataplaneKubernetes: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string', enum: ['kuma.io/v1alpha1'] },
    kind: { type: 'string', enum: ['Dataplane'] },
    mesh: { type: 'string', description: 'The mesh this proxy belongs to (top level in the Kubernetes format).' },
    metadata: { type: 'object', properties: { name: { type: 'string', description: 'Name of the proxy.' }, namespace: { type: 'string' } } },
    spec: { type: 'object', properties: { networking } },
  },
};
