/**
 * "Copy link": the whole workspace, compressed into the URL's fragment (which browsers never send to a server).
 * Opening such a link (useOpenSharedLink) restores the workspace; a damaged one says so and keeps the last one.
 */
import { useEffect } from 'react';
import { currentDocument, isShareFragment, loadShareLink, MAX_LINK_CHARS, useStudioStore } from '../../state';
import { useNotify } from './notices';
import { useWorkspaceActions } from './useWorkspaceActions';

export function ShareButton() {
  const store = useStudioStore();
  const notify = useNotify();
  const copy = async () => {
    const { encodeWorkspace } = await loadShareLink();
    const fragment = encodeWorkspace(currentDocument(store));
    if (fragment.length > MAX_LINK_CHARS) {
      notify({ kind: 'error', message: `This workspace is too large for a link (${fragment.length.toLocaleString('en')} characters, at most ${MAX_LINK_CHARS.toLocaleString('en')}): export the policies instead.` });
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      notify({ kind: 'info', message: `Link copied (${url.length.toLocaleString('en')} characters). It holds the whole workspace; nothing was uploaded.` });
    } catch {
      history.replaceState(null, '', fragment);
      notify({ kind: 'error', message: 'The browser did not let the app write to the clipboard: the link is in the address bar, copy it from there.' });
    }
  };
  return (
    <button type="button" className="toolbar__button" data-testid="copy-link" onClick={() => void copy()} title="Copy a link that holds the whole workspace (nothing is uploaded)">
      Copy link
    </button>
  );
}

/** On start and whenever the fragment changes: opens a shared workspace (undoable), or says why it cannot. */
export function useOpenSharedLink(): void {
  const actions = useWorkspaceActions();
  const notify = useNotify();
  useEffect(() => {
    const open = async () => {
      const hash = location.hash;
      if (!isShareFragment(hash)) return;
      history.replaceState(null, '', `${location.pathname}${location.search}`); // a reload keeps the work, not the link
      const { decodeWorkspace } = await loadShareLink();
      const decoded = decodeWorkspace(hash);
      if (decoded.ok) actions.replace(decoded.document.files, 'Opened the workspace from the link.', decoded.document.activeFile);
      else notify({ kind: 'error', message: `This link could not be opened: ${decoded.reason}. Your last workspace is open instead.` });
    };
    const onHashChange = () => void open();
    onHashChange();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [actions, notify]);
}
