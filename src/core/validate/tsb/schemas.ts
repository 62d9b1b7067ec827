/**
 * The shapes of TSB's `traffic.tsb.tetrate.io/v2` ServiceRoute and Group, written from the field tables of the TSB
 * reference (protoc-gen-validate rules: required, min_len, port 1..65535, the service pattern, enums). `x-code` and
 * `x-hint` say which diagnostic a violation gives and how to fix it.
 */
import type { JsonSchema } from '../schema';

const text = (hint?: string): JsonSchema => ({ type: 'string', minLength: 1, ...(hint ? { 'x-hint': hint } : {}) });
const port: JsonSchema = { type: 'integer', minimum: 1, maximum: 65535, 'x-code': 'TSB_PORT_RANGE', 'x-hint': 'a port number from 1 to 65535' };
const weight: JsonSchema = { type: 'integer', minimum: 0, 'x-code': 'TSB_WEIGHT', 'x-hint': '0 or more (uint32)' };
const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } as unknown as JsonSchema };

const stringMatch: JsonSchema = {
  type: 'object',
  properties: { exact: { type: 'string' }, prefix: { type: 'string' }, regex: { type: 'string' } },
};

const stickySession: JsonSchema = {
  type: 'object',
  properties: {
    header: text('the name of the HTTP header to hash, e.g. x-session-hash'),
    cookie: {
      type: 'object',
      required: ['name', 'path', 'ttl'],
      properties: {
        name: text(),
        path: text('e.g. "/"'),
        ttl: { type: 'string', pattern: '^[0-9]+(\\.[0-9]{1,9})?s$', 'x-code': 'TSB_DURATION', 'x-hint': 'a protobuf duration in seconds, e.g. "3600s"' },
      },
    },
    useSourceIp: { type: 'boolean' },
  },
};

const portLevelSettings: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['port', 'trafficType'],
    properties: {
      port,
      trafficType: { type: 'string', enum: ['HTTP', 'TCP', 'TLS_PASSTHROUGH'], 'x-code': 'TSB_TRAFFIC_TYPE' },
      stickySession,
    },
  },
};

const serviceDestination: JsonSchema = {
  type: 'object',
  required: ['port'],
  properties: { subset: { type: 'string' }, weight, port, destinationHost: { type: 'string' } },
};

const flagger: JsonSchema = { type: 'object', required: ['canary', 'namespace'], properties: { canary: text(), namespace: text() } };

export const serviceRouteSpecSchema: JsonSchema = {
  type: 'object',
  required: ['service'],
  properties: {
    service: {
      type: 'string',
      pattern: '^[^/]+/[^/]+$',
      'x-code': 'TSB_SERVICE_FORMAT',
      'x-hint': 'namespace/FQDN, e.g. ns1/reviews.ns1.svc.cluster.local',
    },
    subsets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: text(), labels: stringMap, weight, portLevelSettings },
      },
    },
    stickySession,
    portLevelSettings,
    httpRoutes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: text(),
          match: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'port'],
              properties: { name: text(), uri: stringMatch, headers: { type: 'object', additionalProperties: stringMatch }, port },
            },
          },
          destination: { type: 'array', items: serviceDestination },
          flagger,
          // Newer TSB fields, kept (and copied nowhere): the graph does not draw them.
          fault: {},
          mirrors: {},
        },
      },
    },
    tcpRoutes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: text(),
          match: { type: 'array', items: { type: 'object', required: ['name', 'port'], properties: { name: text(), port } } },
          destination: { type: 'array', items: serviceDestination },
        },
      },
    },
    configGenerationMetadata: { type: 'object', properties: { labels: stringMap, annotations: stringMap } },
    argoRollout: {},
  },
};

export const groupSpecSchema: JsonSchema = {
  type: 'object',
  properties: {
    namespaceSelector: { type: 'object', properties: { names: { type: 'array', items: { type: 'string' } } } },
    configMode: { type: 'string', enum: ['BRIDGED', 'DIRECT'], 'x-code': 'TSB_CONFIG_MODE' },
    displayName: {},
    description: {},
    // The ServiceRoute page's own example writes this (the Group reference says namespaceSelector.names).
    namespaceSelectors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
  },
};

/** Top-level fields of a Kubernetes-format TSB resource. */
export const resourceSchema: JsonSchema = {
  type: 'object',
  properties: {
    apiVersion: {},
    kind: {},
    metadata: {
      type: 'object',
      properties: {
        name: {},
        namespace: {},
        labels: {},
        annotations: {},
        organization: {},
        tenant: {},
        workspace: {},
        group: {},
        displayName: {},
        description: {},
        resourceVersion: {},
        etag: {},
        fqn: {},
        uid: {},
        creationTimestamp: {},
        generation: {},
        managedFields: {},
      },
    },
    spec: {},
    status: {},
  },
};
