/** Test helper: Istio's CRD schemas (copied from istio/api, see schemas/README.md) and its webhook rules, applied to one document. */
import Ajv from 'ajv';
import { unknownFields, type JsonSchema } from '../../validate/schema';
import destinationRuleSchema from './schemas/destinationrules.v1.openapi.json';
import virtualServiceSchema from './schemas/virtualservices.v1.openapi.json';
import { istioProblems } from './validateIstio';

const schemas: Record<string, JsonSchema> = {
  VirtualService: virtualServiceSchema as JsonSchema,
  DestinationRule: destinationRuleSchema as JsonSchema,
};
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));

/** Every problem of one exported document: schema violations, fields the schema does not know, Istio's rules. */
export function istioDocumentProblems(document: Record<string, unknown>): string[] {
  const kind = String(document.kind);
  const validate = validators[kind];
  const schema = schemas[kind];
  if (!validate || !schema) return [`no schema for kind ${kind}`];
  const out: string[] = [];
  if (!validate(document)) out.push(...(validate.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message ?? ''}`));
  out.push(...unknownFields(document.spec, schema.properties?.spec as JsonSchema, ['spec']).map((f) => `schema: ${f.message} at ${f.path.join('.')}`));
  if (typeof document.apiVersion !== 'string' || !/^networking\.istio\.io\/(v1|v1beta1|v1alpha3)$/.test(document.apiVersion)) out.push(`apiVersion ${String(document.apiVersion)}`);
  const metadata = (document.metadata ?? {}) as Record<string, unknown>;
  if (typeof metadata.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(metadata.name)) out.push(`metadata.name ${String(metadata.name)}`);
  return [...out, ...istioProblems(document)];
}
