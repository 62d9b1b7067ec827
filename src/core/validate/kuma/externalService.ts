import type { ExternalServiceDef } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import { asRecord, asString, asTags } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import { spanAt } from '../../source/document';
import type { NodePath } from '../../source/path';
import { finding, toDiagnostic } from '../finding';
import type { ReadResult } from './meshTcpRoute';
import { meshOf } from './resourceShape';

/**
 * Reads an ExternalService (universal: `networking` and `tags` at the top level; Kubernetes: under `spec`). Kuma
 * requires the `kuma.io/service` tag and `networking.address`.
 */
export function readExternalService(header: ResourceHeader): ReadResult<ExternalServiceDef> {
  const base: NodePath = header.format === 'kubernetes' ? ['spec'] : [];
  const body = header.format === 'kubernetes' ? (asRecord(header.body.spec) ?? {}) : header.body;
  const tags = asTags(body.tags);
  const address = asString(asRecord(body.networking)?.address) ?? null;
  const findings = [];
  if (!tags[SERVICE_TAG]) findings.push(finding('error', 'KUMA_EXTERNAL_SERVICE', [...base, 'tags'], `tag "${SERVICE_TAG}" has to exist`));
  if (!address) findings.push(finding('error', 'KUMA_EXTERNAL_SERVICE', [...base, 'networking', 'address'], 'address has to be defined'));
  const diagnostics = findings.map((f) => toDiagnostic(header.source, f));
  if (findings.length > 0) return { value: null, diagnostics };
  return {
    value: { name: header.name, mesh: meshOf(header), service: tags[SERVICE_TAG] ?? '', tags, address, location: spanAt(header.source, []) },
    diagnostics,
  };
}
