/** Where a TSB resource sits in the hierarchy: tctl writes it in metadata, GitOps (kubectl) in annotations. */
import type { TsbScope } from '../../model/tsb/types';
import { asRecord, asString } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import type { SourceDocument } from '../../source/document';
import type { NodePath } from '../../source/path';

const ANNOTATIONS = {
  organization: 'tsb.tetrate.io/organization',
  tenant: 'tsb.tetrate.io/tenant',
  workspace: 'tsb.tetrate.io/workspace',
  group: 'tsb.tetrate.io/trafficGroup',
} as const;

export function readScope(header: ResourceHeader): TsbScope {
  const metadata = asRecord(header.body.metadata) ?? {};
  const annotations = asRecord(metadata.annotations) ?? {};
  const pick = (field: keyof TsbScope) => asString(metadata[field]) ?? asString(annotations[ANNOTATIONS[field]]) ?? null;
  return { organization: pick('organization'), tenant: pick('tenant'), workspace: pick('workspace'), group: pick('group') };
}

/** Where the group is written, for a diagnostic about it. */
export function groupPathOf(source: SourceDocument): NodePath {
  const metadata = asRecord(asRecord(source.value)?.metadata) ?? {};
  if (metadata.group !== undefined) return ['metadata', 'group'];
  if (asRecord(metadata.annotations)?.[ANNOTATIONS.group] !== undefined) return ['metadata', 'annotations', ANNOTATIONS.group];
  return ['metadata'];
}
