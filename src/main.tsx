import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './ui/App';
import './ui/app.css';
import './ui/theme/theme.css';
import './ui/workspace/workspace.css';
import { startTheme } from './ui/theme/theme';

startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
