/** Quick fixes the validators attach to diagnostics, applied with applyChanges: what the app's lightbulb does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { applyChanges } from './applyChanges';

const file = 'input.yaml';
const text = readFileSync(join(import.meta.dirname, '../../../fixtures/kuma/did-you-mean/input.yaml'), 'utf8');

function applyFixOf(code: string): string {
  const diagnostic = analyze([{ name: file, text }]).diagnostics.find((d) => d.code === code);
  const fix = diagnostic?.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${code}`);
  expect(fix.file).toBe(file);
  const result = applyChanges(text, fix.documentIndex, fix.changes);
  if ('error' in result) throw new Error(result.error);
  return result.text;
}

describe('did-you-mean fixes', () => {
  it('changes a misspelt kind, and the policy then resolves', () => {
    const fixed = applyFixOf('UNKNOWN_KIND');
    expect(fixed).toBe(text.replace('kind: MeshTCPRoot', 'kind: MeshTCPRoute'));
    const codes = analyze([{ name: file, text: fixed }]).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('UNKNOWN_KIND');
  });

  it('changes a misspelt enum value in place', () => {
    expect(applyFixOf('KUMA_TARGETREF_KIND')).toBe(text.replace('kind: MeshSevice', 'kind: MeshService'));
  });

  it('renames a misspelt field, keeping its value', () => {
    const fixed = applyFixOf('UNKNOWN_FIELD');
    expect(fixed).not.toContain('too:');
    const codes = analyze([{ name: file, text: fixed }]).diagnostics.filter((d) => d.line > 38 && d.line < 55).map((d) => d.code);
    expect(codes).toEqual(['KUMA_TARGETREF_KIND']);
  });

  it('offers no fix where nothing is close', () => {
    const info = analyze([{ name: file, text }]).diagnostics.find((d) => d.code === 'UNSUPPORTED_KIND');
    expect(info?.fixes).toBeUndefined();
  });
});
