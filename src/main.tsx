import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserStudioStore, isDemoWorkspace } from './state';
import App from './ui/App';
import './ui/app.css';
import './ui/theme/theme.css';
import './ui/workspace/workspace.css';
import { startTheme } from './ui/theme/theme';
import { ignoreEditorCancellations } from './ui/workspace/editorCancellation';

startTheme();
ignoreEditorCancellations();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const store = createBrowserStudioStore();
const app = (
  <StrictMode>
    <App store={store} />
  </StrictMode>
);
const html = document.documentElement;
// The built page holds the demo's page, prerendered (vite.config.ts): shown from the first paint when the head's
// script found nothing else to open, and hydrated here if the store agrees.
const prerenderedDemo = html.dataset.start === 'demo' && container.dataset.prerendered === 'demo' && location.hash.length <= 1 && isDemoWorkspace(store.getState().files);
if (prerenderedDemo) {
  hydrateRoot(container, app);
} else {
  // Drawn in this task, then shown in place of the shell (the prerendered page, if any, was never shown).
  const root = createRoot(container);
  flushSync(() => root.render(app));
  html.removeAttribute('data-start');
}
document.getElementById('boot-shell')?.remove();
