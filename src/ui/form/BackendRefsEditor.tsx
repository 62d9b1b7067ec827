/** A Kuma backendRefs list: each backend's kind, service, tags and weight with its live share of the traffic. */
import type { YamlPath } from '../../core';
import { AddButton, ItemActions, NumberField } from './fields';
import { TargetRefPicker } from './TargetRefPicker';
import { shares } from './validation';

const BACKEND_KINDS = ['MeshService', 'MeshServiceSubset'];

export function BackendRefsEditor({ path, value, defaultService }: { path: YamlPath; value: unknown; defaultService: string }) {
  const refs = Array.isArray(value) ? (value as unknown[]) : [];
  const weights = refs.map((r) => {
    const w = (r as { weight?: unknown } | null)?.weight;
    return typeof w === 'number' ? w : 1;
  });
  const percents = shares(weights);
  return (
    <div className="form-list" role="group" aria-label="backendRefs">
      {refs.map((ref, i) => {
        const weight = (ref as { weight?: unknown } | null)?.weight;
        return (
          <div className="form-item form-backend" key={i} data-testid="form-backend">
            <div className="form-item__head">
              <span>backend {i + 1}</span>
              <ItemActions path={path} index={i} count={refs.length} what="backend" />
            </div>
            <TargetRefPicker label="backend" path={[...path, i]} value={ref} kinds={BACKEND_KINDS} />
            <NumberField
              label="weight"
              path={[...path, i, 'weight']}
              value={weight}
              min={0}
              what="weight"
              hint={
                <output className="form-share" aria-label={`share of backend ${i + 1}`}>
                  {Math.round(percents[i] ?? 0)}%
                </output>
              }
            />
          </div>
        );
      })}
      <AddButton path={path} index={refs.length} value={{ kind: 'MeshService', name: defaultService, weight: 1 }}>
        + backend
      </AddButton>
    </div>
  );
}
