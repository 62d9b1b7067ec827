/**
 * Saved workspaces carry a version (zustand's `persist` stores it next to the state). A release that changes the
 * saved shape bumps STORAGE_VERSION and adds the step from the previous version to MIGRATIONS; data of any older
 * version is brought up step by step. Data that no step can read is never thrown away silently: it is copied
 * aside (UNREADABLE_KEY) before the app falls back to the demo.
 */
export const STORAGE_VERSION = 1;

/** `MIGRATIONS[n]` turns data saved at version n into version n + 1. Version 1 is the first saved shape. */
export const MIGRATIONS: Readonly<Record<number, (state: unknown) => unknown>> = {};

/** Brings saved data of `version` up to STORAGE_VERSION; data of an unknown (older, stepless or newer) version is returned as it is. */
export function migrateDocument(state: unknown, version: number): unknown {
  let current = state;
  for (let v = version; v < STORAGE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return current;
    current = step(current);
  }
  return current;
}
