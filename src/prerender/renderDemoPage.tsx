/**
 * The page as the demo opens it, rendered when the app is built (`vite.config.ts`) into index.html: a first visit
 * sees the demo's graph as soon as the HTML and the stylesheet arrive, and `main.tsx` hydrates it.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { demoResult } from 'virtual:demo-analysis';
import { demoFiles } from '../demo';
import { STORAGE_KEY } from '../state/documentStorage';
import { createStudioStore } from '../state/studioStore';
import App from '../ui/App';
import { NARROW_QUERY } from '../ui/layout/useNarrow';
import { THEME_KEY } from '../ui/theme/theme';
import { HINT_KEY } from '../ui/workspace/FirstOpenHint';
import { bootScript } from './bootScript';

/** Nothing is saved at build time. */
function noStorage() {
  return { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
}

/** The demo's page and the script that says, before the body is parsed, whether it is the one to show. */
export function prerenderDemoPage(): { html: string; bootScript: string } {
  return {
    html: renderDemoPage(),
    bootScript: bootScript({ demoFiles, documentKey: STORAGE_KEY, hintKey: HINT_KEY, themeKey: THEME_KEY, narrowQuery: NARROW_QUERY }),
  };
}

function renderDemoPage(): string {
  const store = createStudioStore(noStorage(), { demoResult });
  // The same tree main.tsx hydrates.
  return renderToString(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
