import type { Diagnostic } from './diagnostics';
import type { ResourceHeader } from './model/resource';
import type { RouteIndex } from './resolve/routeIndex';
import type { Family, InvalidRoute } from './resolve/routeTable';

/** A mesh (Kuma) or workspace (TSB) as the inventory sees it, for the UI's summary line. */
export interface MeshSummary {
  family: Family;
  mesh: string;
  proxies: number;
  services: number;
  /** True when the proxies (2.6 model) or the MeshServices (current model) were inferred. */
  inferred: boolean;
  /** Kuma: the model the mesh resolves by, and why (the construct that decided it, or the option that forced it). */
  model?: 'kuma-2.6' | 'kuma-2.14';
  modelReason?: string;
}

/** Options of a family's reading, from `analyze`'s options. */
export interface FamilyOptions {
  /** Kuma: force the 2.6 or the current (2.14) model for every mesh; `auto` (default) chooses per mesh. */
  kumaModel?: 'auto' | 'kuma-2.6' | 'kuma-2.14';
  /**
   * True when the caller analyses edit after edit (the app's worker, with a parse cache): the family may keep what it
   * read to take it over at the next call. A single analysis keeps nothing, so that two never share the memory.
   */
  incremental?: boolean;
}

export interface FamilyResolution {
  index: RouteIndex;
  diagnostics: Diagnostic[];
  meshes: MeshSummary[];
  /** What the family's policies with errors would have done: drawn as invalid, never in the index. */
  invalid?: InvalidRoute[];
}

/**
 * A policy family brings its reader (validation included) and its resolver; exporters join later.
 * `read` turns the resources the family claims into a typed model; `resolve` turns the model into a route index.
 */
export interface PolicyFamily<Model> {
  id: Family;
  claims(header: ResourceHeader): boolean;
  read(headers: readonly ResourceHeader[], options?: FamilyOptions): { model: Model; diagnostics: Diagnostic[] };
  resolve(model: Model): FamilyResolution;
}
