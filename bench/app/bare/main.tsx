/** The yardstick of `npm run bench:app`: a bare Vite + React + React Flow page drawing three nodes. */
import { createRoot } from 'react-dom/client';
import { ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

const nodes = [
  { id: 'a', position: { x: 0, y: 0 }, data: { label: 'frontend' } },
  { id: 'b', position: { x: 200, y: 100 }, data: { label: 'backend v0' } },
  { id: 'c', position: { x: 0, y: 200 }, data: { label: 'backend v1' } },
];
const edges = [
  { id: 'ab', source: 'a', target: 'b' },
  { id: 'ac', source: 'a', target: 'c' },
];

const root = document.getElementById('root');
if (root) createRoot(root).render(<ReactFlow nodes={nodes} edges={edges} fitView />);
