/** Cycles the theme: follow the system, light, dark. The label says what is in force. */
import { setThemePreference, useTheme, type ThemePreference } from './theme';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function ThemeToggle() {
  const { theme, preference } = useTheme();
  return (
    <button
      type="button"
      className="toolbar__button"
      data-testid="theme-toggle"
      data-theme-preference={preference}
      title={`${preference === 'system' ? `Following the system (${theme})` : `Always ${theme}`}. Click for ${LABEL[NEXT[preference]].toLowerCase()}.`}
      onClick={() => setThemePreference(NEXT[preference])}
    >
      {theme === 'dark' ? '☾' : '☀'} {LABEL[preference]}
    </button>
  );
}
