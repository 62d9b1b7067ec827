export { createStudioStore, isDemoWorkspace, STORAGE_KEY, UNREADABLE_KEY, uniqueNames } from './studioStore';
export type { DerivedState, DocumentState, EditorSelection, RevealTarget, SessionState, StudioFile, StudioState, StudioStore, StudioStoreOptions } from './studioStore';
export { createBrowserStudioStore, StudioProvider, useStudio, useStudioStore } from './StudioContext';
export { addToWorkspace, closeFile, currentDocument, isUntitled, newFile, renameFile, replaceWorkspace } from './workspaceActions';
export { isShareFragment, loadShareLink, MAX_LINK_CHARS } from './shareFragment';
export type { DecodedLink } from './shareLink';
export { migrateDocument, STORAGE_VERSION } from './migrations';
