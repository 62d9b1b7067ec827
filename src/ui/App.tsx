// Placeholder shell: proves the build, the lazy Monaco chunk and the offline workers. The lead replaces it.
import { lazy, Suspense, useState } from 'react';
import type { EditorMarker } from './editor/YamlEditor';

const YamlEditor = lazy(() => import('./editor/YamlEditor'));

const SAMPLE = `# A 90/10 canary split
apiVersion: kuma.io/v1alpha1
kind: MeshTCPRoute
metadata:
  name: backend-canary
  namespace: kuma-system
  labels:
    kuma.io/mesh: default
spec:
  targetRef:
    kind: MeshService
    name: frontend
  to:
    - targetRef:
        kind: MeshService
        name: backend
      rules:
        - default:
            backendRefs:
              - kind: MeshServiceSubset
                name: backend
                tags:
                  version: v1
                weight: 90
              - kind: MeshServiceSubset
                name: backend
                tags:
                  version: v2
                weight: 10
`;

const NO_MARKERS: EditorMarker[] = [];

export default function App() {
  const [text, setText] = useState(SAMPLE);

  return (
    <div className="app">
      <header className="app__header">
        <h1>Route Studio</h1>
        <span className="app__status">{text.split('\n').length} lines</span>
      </header>
      <main className="app__main">
        <Suspense fallback={<div className="app__loading">Loading editor…</div>}>
          <YamlEditor value={text} onChange={setText} markers={NO_MARKERS} />
        </Suspense>
      </main>
    </div>
  );
}
