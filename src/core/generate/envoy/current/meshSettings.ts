/**
 * The Mesh settings that change the current model's clusters (`plan.ts` MeshSettings), read from the `Mesh` resources
 * given (universal: at the top level; Kubernetes: under `spec`): mTLS is on when `mtls.enabledBackend` names a backend,
 * and `routing.zoneEgress` sends MeshExternalService traffic through the zone egress. A mesh without a Mesh resource
 * has neither (Kuma's default Mesh).
 */
import { asRecord, asString } from '../../../model/raw';
import type { ResourceHeader } from '../../../model/resource';
import type { MeshSettings } from './plan';

export const DEFAULT_MESH_SETTINGS: MeshSettings = { mtls: false, zoneEgress: false };

export function meshSettingsOf(headers: readonly ResourceHeader[]): Map<string, MeshSettings> {
  const out = new Map<string, MeshSettings>();
  for (const header of headers) {
    if (header.kind !== 'Mesh' || !header.name) continue;
    const spec = header.format === 'kubernetes' ? asRecord(header.body.spec) : header.body;
    const enabledBackend = asString(asRecord(spec?.mtls)?.enabledBackend) ?? '';
    out.set(header.name, { mtls: enabledBackend !== '', zoneEgress: asRecord(spec?.routing)?.zoneEgress === true });
  }
  return out;
}
