/**
 * Light or dark: the system's choice (`prefers-color-scheme`) unless the person picked one, which is remembered.
 * The resolved theme is set on <html data-theme> (theme.css) and read by Monaco and React Flow.
 */
import { useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'route-studio:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const listeners = new Set<() => void>();
let preference: ThemePreference = readPreference();

function readPreference(): ThemePreference {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** The system's theme, asked once and then kept by the change listener: every node and edge reads the theme. */
let system: Theme | null = null;

function systemTheme(): Theme {
  system ??= typeof matchMedia !== 'undefined' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
  return system;
}

export function resolvedTheme(): Theme {
  return preference === 'system' ? systemTheme() : preference;
}

function apply(): void {
  document.documentElement.dataset.theme = resolvedTheme();
  listeners.forEach((l) => l());
}

export function setThemePreference(next: ThemePreference): void {
  preference = next;
  try {
    if (next === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, next);
  } catch {
    // Not remembered in this browser; still applied.
  }
  apply();
}

/** Call once at start-up: applies the theme and follows the system while the preference is "system". */
export function startTheme(): void {
  apply();
  if (typeof matchMedia !== 'undefined')
    matchMedia(DARK_QUERY).addEventListener('change', (event) => {
      system = event.matches ? 'dark' : 'light';
      apply();
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The page prerendered at build time knows no preference: light, and the system's choice follows at hydration. */
const PRERENDERED_THEME = (): Theme => 'light';
const PRERENDERED_PREFERENCE = (): ThemePreference => 'system';

export function useTheme(): { theme: Theme; preference: ThemePreference } {
  const theme = useSyncExternalStore(subscribe, resolvedTheme, PRERENDERED_THEME);
  const pref = useSyncExternalStore(subscribe, () => preference, PRERENDERED_PREFERENCE);
  return { theme, preference: pref };
}
