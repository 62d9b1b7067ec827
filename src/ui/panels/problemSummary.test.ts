import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../core';
import { meshSummaryLabel, severityCountsLabel } from './problemSummary';
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
});
