/** ServiceRoute and Group of Tetrate Service Bridge (traffic.tsb.tetrate.io/v2), descriptions from TSB's reference. */
import type { JSONSchema } from './jsonSchema';

export const TSB_API_VERSIONS = ['traffic.tsb.tetrate.io/v2', 'traffic.xcp.tetrate.io/v2'];

const port = (description: string): JSONSchema => ({ type: 'integer', minimum: 1, maximum: 65535, description });

const stickySession: JSONSchema = {
  type: 'object',
  description: 'If set, all requests from a client are forwarded to the same backend. Exactly one hash key; a TCP port accepts only useSourceIp.',
  properties: {
    header: { type: 'string', minLength: 1, description: 'Hash based on a specific HTTP header (HTTP ports only).' },
    cookie: {
      type: 'object',
      description: 'Hash based on an HTTP cookie, generated when absent (HTTP ports only).',
      properties: { name: { type: 'string', description: 'Name of the cookie.' }, path: { type: 'string', description: 'Path to set for the cookie.' }, ttl: { type: 'string', description: 'Lifetime of the cookie (a duration, e.g. 60s).' } },
    },
    useSourceIp: { type: 'boolean', description: 'Hash based on the source IP address (the only key valid on a TCP port).' },
  },
};

const portLevelSettings: JSONSchema = {
  type: 'array',
  description: 'Every port/protocol combination of the service. A port used in a match must be declared here; a declared port no match uses gets a default route.',
  items: {
    type: 'object',
    required: ['port', 'trafficType'],
    properties: {
      port: port('Port number to which traffic must be routed.'),
      trafficType: { type: 'string', enum: ['HTTP', 'TCP', 'TLS_PASSTHROUGH'], description: 'Type of traffic for which a route is generated: HTTP, TCP or TLS_PASSTHROUGH.' },
      stickySession,
    },
  },
};

const destination: JSONSchema = {
  type: 'array',
  description: 'Destination host:port and subset where the traffic goes. A route has exactly one of destination and flagger.',
  items: {
    type: 'object',
    properties: {
      subset: { type: 'string', description: 'The version of the service where traffic should be routed to.' },
      weight: { type: 'integer', minimum: 0, description: 'Amount of traffic routed to this version (relative to the other destinations).' },
      port: port('The port of the service host where traffic should be routed.'),
      destinationHost: { type: 'string', description: 'Service host where traffic should be routed to: an FQDN or a short Kubernetes service name.' },
    },
  },
};

const flagger: JSONSchema = { type: 'object', description: 'Routes traffic by a Flagger Canary resource. A route has exactly one of destination and flagger.' };

const httpRoute: JSONSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Name of the HTTP route.' },
    match: {
      type: 'array',
      description: 'Match conditions for incoming HTTP traffic.',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'Name of the match condition.' },
          uri: { type: 'object', description: 'URI to match: exact, prefix or regex.', properties: { exact: { type: 'string' }, prefix: { type: 'string' }, regex: { type: 'string' } } },
          headers: { type: 'object', description: 'Headers to match, each by exact, prefix or regex.' },
          port: port('Port to match; it must be declared in portLevelSettings.'),
        },
      },
    },
    destination,
    flagger,
  },
};

const tcpRoute: JSONSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Name of the TCP route.' },
    match: { type: 'array', description: 'Match conditions for incoming TCP traffic.', items: { type: 'object', properties: { name: { type: 'string' }, port: port('TCP match conditions only have a port; it must be declared in portLevelSettings.') } } },
    destination,
    flagger,
  },
};

const tsbMetadata: JSONSchema = {
  type: 'object',
  description: 'Name and place in the TSB hierarchy (organization, tenant, workspace, group).',
  properties: { name: { type: 'string' }, group: { type: 'string' }, workspace: { type: 'string' }, tenant: { type: 'string' }, organization: { type: 'string' } },
};

export const serviceRoute: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string', enum: TSB_API_VERSIONS },
    kind: { type: 'string', enum: ['ServiceRoute'] },
    metadata: tsbMetadata,
    spec: {
      type: 'object',
      description: 'A service route controls routing configurations for traffic to a service in a traffic group.',
      required: ['service'],
      properties: {
        service: { type: 'string', pattern: '^[^/]+/[^/]+$', description: 'The service the configuration applies to, in namespace/FQDN format.' },
        subsets: {
          type: 'array',
          description: 'The versions of the service and the share of traffic each gets.',
          items: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: 'string', description: 'Name used to refer to the subset.' },
              labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels that select the endpoints of this version.' },
              weight: { type: 'integer', minimum: 0, description: 'Share of traffic sent to this subset: 0 when unset with several subsets, 1 for a single subset.' },
              portLevelSettings: { ...portLevelSettings, description: 'Port settings for this subset only; they override the global ones.' },
            },
          },
        },
        stickySession,
        portLevelSettings,
        httpRoutes: { type: 'array', items: httpRoute, description: 'HTTP routes matched on uri, headers and port, each with its destinations.' },
        tcpRoutes: { type: 'array', items: tcpRoute, description: 'TCP routes matched on port, each with its destinations.' },
      },
    },
  },
};

export const group: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string', enum: TSB_API_VERSIONS },
    kind: { type: 'string', enum: ['Group'] },
    metadata: tsbMetadata,
    spec: {
      type: 'object',
      description: 'A traffic group: the namespaces whose traffic settings are managed together.',
      properties: {
        namespaceSelectors: { type: 'array', description: 'Namespaces of the group, as cluster/namespace (`*` for any).', items: { type: 'object', properties: { name: { type: 'string' } } } },
        configMode: { type: 'string', enum: ['BRIDGED', 'DIRECT'], description: 'BRIDGED: TSB APIs only; DIRECT: Istio APIs allowed too.' },
      },
    },
  },
};
