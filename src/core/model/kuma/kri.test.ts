import { describe, expect, it } from 'vitest';
import { displayResourceName, formatKri, legacyDestinationName, withoutSection } from './kri';

describe('Kuma resource identifiers', () => {
  const backend = { kind: 'MeshService' as const, mesh: 'default', zone: '', namespace: '', name: 'backend', sectionName: 'test-port' };

  it('formats a KRI with empty fields left empty (golden basic-real-meshservice)', () => {
    expect(formatKri(backend)).toBe('kri_msvc_default___backend_test-port');
    expect(formatKri(withoutSection(backend))).toBe('kri_msvc_default___backend_');
    expect(formatKri({ ...backend, kind: 'MeshExternalService', name: 'example', sectionName: '' })).toBe('kri_extsvc_default___example_');
    expect(formatKri({ kind: 'MeshService', mesh: 'mesh-1', zone: '', namespace: 'ns-k8s', name: 'backend', sectionName: 'http-port' })).toBe(
      'kri_msvc_mesh-1__ns-k8s_backend_http-port',
    );
  });

  it('gives the legacy destination name of a port, as clusters are named', () => {
    expect(legacyDestinationName(backend, 80)).toBe('default_backend___msvc_80');
    expect(legacyDestinationName({ ...backend, kind: 'MeshExternalService', name: 'example2' }, 9090)).toBe('default_example2___extsvc_9090');
    expect(legacyDestinationName({ ...backend, namespace: 'kuma-demo', zone: 'zone-1' }, 3001)).toBe('default_backend_kuma-demo_zone-1_msvc_3001');
  });

  it('names a resource name.namespace in the route table', () => {
    expect(displayResourceName({ name: 'backend', namespace: 'kuma-demo' })).toBe('backend.kuma-demo');
    expect(displayResourceName({ name: 'backend', namespace: '' })).toBe('backend');
  });
});
