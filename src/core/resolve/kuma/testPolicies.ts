/** Reads Kuma policies from YAML text for unit tests: the same readers the app uses, so locations are real. */
import { kumaFamily, type KumaModel } from '../../families/kuma';
import { readResourceHeader } from '../../model/resource';
import { parseSources } from '../../source/parse';

export function readKuma(text: string, file = 'test.yaml'): KumaModel {
  const { documents } = parseSources([{ name: file, text }]);
  const headers = documents.map(readResourceHeader).filter((h) => h !== null);
  const { model, diagnostics } = kumaFamily.read(headers);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test input has errors: ${errors.map((d) => d.message).join('; ')}`);
  return model;
}
