/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere outside Monaco (the form, the graph) undo and redo the one
 * document history. Monaco routes its own keys to the same history (YamlEditor's commands).
 */
import { useEffect } from 'react';
import { useStudioStore } from '../../state';

export function useHistoryShortcuts(): void {
  const store = useStudioStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof Element && event.target.closest('.monaco-editor')) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      const undo = key === 'z' && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo) store.getState().undo();
      else store.getState().redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
