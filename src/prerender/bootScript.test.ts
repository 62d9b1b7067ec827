import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootScript } from './bootScript';

const demoFiles = [{ name: 'demo.yaml', text: 'type: Mesh\nname: default\n</script>\n' }];
const script = bootScript({ demoFiles, documentKey: 'doc', hintKey: 'hint', themeKey: 'theme', narrowQuery: '(narrow)' });

interface Page {
  storage?: Record<string, string>;
  hash?: string;
  dark?: boolean;
  narrow?: boolean;
  storageThrows?: boolean;
}

/** Runs the script in a page of its own; returns the attributes it set on <html>. */
function boot({ storage = {}, hash = '', dark = false, narrow = false, storageThrows = false }: Page): Record<string, string> {
  const attributes: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error('SecurityError');
      return storage[key] ?? null;
    },
  };
  const matchMedia = (query: string) => ({ matches: query === '(narrow)' ? narrow : query === '(prefers-color-scheme: dark)' ? dark : false });
  const document = { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } };
  runInNewContext(script, { document, localStorage, matchMedia, location: { hash } });
  return attributes;
}

const saved = (files: { name: string; text: string }[]) => JSON.stringify({ state: { files, activeFile: files[0]?.name ?? '' }, version: 1 });

describe('the built page picks, before the body is parsed, which page to show', () => {
  it("shows the demo's page on a first visit, and when the saved workspace is the demo unchanged", () => {
    expect(boot({})['data-start']).toBe('demo');
    expect(boot({ storage: { doc: saved(demoFiles) } })['data-start']).toBe('demo');
  });

  it('shows the shell when other work will open: saved work, an edited demo, a shared link, an unreadable save', () => {
    expect(boot({ storage: { doc: saved([{ name: 'mine.yaml', text: 'a: 1\n' }]) } })['data-start']).toBe('app');
    expect(boot({ storage: { doc: saved([{ name: 'demo.yaml', text: 'type: Mesh\nname: edited\n' }]) } })['data-start']).toBe('app');
    expect(boot({ storage: { doc: saved([...demoFiles, { name: 'b.yaml', text: '' }]) } })['data-start']).toBe('app');
    expect(boot({ storage: { doc: JSON.stringify({ storedIn: 'indexedDB', version: 1 }) } })['data-start']).toBe('app');
    expect(boot({ hash: '#w=abc' })['data-start']).toBe('app');
    expect(boot({ storage: { doc: '{not json' } })['data-start']).toBe('app');
    expect(boot({ storageThrows: true })['data-start']).toBe('app');
  });

  it('shows the shell where the page would differ from the prerendered one: a narrow window, the hint dismissed', () => {
    expect(boot({ narrow: true })['data-start']).toBe('app');
    expect(boot({ storage: { hint: '1' } })['data-start']).toBe('app');
  });

  it("sets the theme: the person's choice, else the system's", () => {
    expect(boot({})['data-theme']).toBe('light');
    expect(boot({ dark: true })['data-theme']).toBe('dark');
    expect(boot({ dark: true, storage: { theme: 'light' } })['data-theme']).toBe('light');
    expect(boot({ storage: { theme: 'dark' } })['data-theme']).toBe('dark');
  });

  it('cannot be closed early by the text it carries', () => {
    expect(script).not.toContain('</script>');
  });
});
