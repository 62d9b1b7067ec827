import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './ui/App';
import './ui/app.css';
import './ui/theme/theme.css';
import './ui/workspace/workspace.css';
import { startTheme } from './ui/theme/theme';
import { ignoreEditorCancellations } from './ui/workspace/editorCancellation';

startTheme();
ignoreEditorCancellations();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
