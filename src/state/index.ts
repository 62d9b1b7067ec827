export { createStudioStore, isDemoWorkspace, STORAGE_KEY, uniqueNames } from './studioStore';
export type { DerivedState, DocumentState, EditorSelection, RevealTarget, SessionState, StudioFile, StudioState, StudioStore, StudioStoreOptions } from './studioStore';
export { StudioProvider, useStudio, useStudioStore } from './StudioContext';
