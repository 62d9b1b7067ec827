import type { JsonSchema } from '../schema';

const tags: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };
const open: JsonSchema = { type: 'object', additionalProperties: true };

/** The fields of a Kuma 2.6 Dataplane `networking` section that Route Studio knows; others get a warning. */
export const networkingShape: JsonSchema = {
  type: 'object',
  properties: {
    address: { type: 'string' },
    advertisedAddress: { type: 'string' },
    gateway: { type: 'object', properties: { type: { type: 'string' }, tags } },
    inbound: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          port: { type: 'integer' },
          servicePort: { type: 'integer' },
          serviceAddress: { type: 'string' },
          address: { type: 'string' },
          tags,
          health: open,
          serviceProbe: open,
          state: { type: 'string' },
          name: { type: 'string' },
        },
      },
    },
    outbound: {
      type: 'array',
      items: {
        type: 'object',
        properties: { port: { type: 'integer' }, address: { type: 'string' }, tags, service: { type: 'string' }, backendRef: open },
      },
    },
    transparentProxying: open,
    admin: open,
  },
};
