import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../core';
import { meshModelTitle, meshSummaryLabel, severityCountsLabel } from './problemSummary';
import type { Diagnostic } from '../../core';

const at = { file: 'a.yaml', path: '', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm' };

describe('problem summary', () => {
  it('counts diagnostics per severity', () => {
    const diagnostics: Diagnostic[] = [
      { ...at, severity: 'error', code: 'A' },
      { ...at, severity: 'warning', code: 'B' },
      { ...at, severity: 'warning', code: 'C' },
    ];
    expect(severityCountsLabel(countBySeverity(diagnostics))).toBe('1 error, 2 warnings, 0 infos');
  });

  it('describes a mesh and says when its proxies were inferred', () => {
    expect(meshSummaryLabel({ family: 'kuma', mesh: 'default', proxies: 4, services: 3, inferred: false })).toBe('mesh default: 4 proxies, 3 services');
    expect(meshSummaryLabel({ family: 'kuma', mesh: 'default', proxies: 1, services: 1, inferred: true })).toBe(
      'mesh default: 1 proxy, 1 service (inferred from policies)',
    );
  });

  it('names the Kuma model of a current-model mesh or a forced one, and says why in the title', () => {
    const current = { family: 'kuma' as const, mesh: 'default', proxies: 3, services: 4, inferred: true, model: 'kuma-2.14' as const, modelReason: 'a Dataplane top-level targetRef' };
    expect(meshSummaryLabel(current)).toBe('mesh default: 3 proxies, 4 MeshServices (inferred from Dataplanes), Kuma 2.14 model');
    expect(meshModelTitle(current)).toBe('Kuma 2.14 (MeshService) model: a Dataplane top-level targetRef');
    const chosen = { family: 'kuma' as const, mesh: 'default', proxies: 1, services: 2, inferred: false, model: 'kuma-2.6' as const, modelReason: 'no construct of the current model' };
    expect(meshSummaryLabel(chosen)).toBe('mesh default: 1 proxy, 2 services');
    expect(meshModelTitle(chosen)).toBe('Kuma 2.6 (kuma.io/service) model: no construct of the current model');
    expect(meshSummaryLabel({ ...chosen, modelReason: 'forced by the workspace option' })).toBe('mesh default: 1 proxy, 2 services, Kuma 2.6 model');
  });
});
