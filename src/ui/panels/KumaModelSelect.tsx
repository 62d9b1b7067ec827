/** The workspace's Kuma model option: each mesh chooses (auto), or the 2.6 or the current model is forced. */
import type { KumaModelOption } from '../../core';
import { useStudio } from '../../state';

const OPTIONS: { value: KumaModelOption; label: string }[] = [
  { value: 'auto', label: 'Kuma model: auto' },
  { value: 'kuma-2.6', label: 'Kuma 2.6 (kuma.io/service)' },
  { value: 'kuma-2.14', label: 'Kuma 2.14 (MeshService)' },
];

export function KumaModelSelect() {
  const kumaModel = useStudio((s) => s.kumaModel);
  const setKumaModel = useStudio((s) => s.setKumaModel);
  return (
    <select
      className="problems__model"
      data-testid="kuma-model"
      aria-label="Kuma model"
      title="Which Kuma model resolves the meshes: auto chooses per mesh from the constructs its documents use"
      value={kumaModel}
      onChange={(e) => setKumaModel(e.target.value as KumaModelOption)}
    >
      {OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
