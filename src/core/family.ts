import type { Diagnostic } from './diagnostics';
import type { ResourceHeader } from './model/resource';
import type { Family, RouteEntry } from './resolve/routeTable';

export interface ResolveOptions {
  /** Also list default routes: destinations that no policy touches. */
  includeDefaults: boolean;
}

/** A mesh (Kuma) or workspace (TSB) as the inventory sees it, for the UI's summary line. */
export interface MeshSummary {
  family: Family;
  mesh: string;
  proxies: number;
  services: number;
  /** True when the proxies were inferred from the policies because no Dataplane was given. */
  inferred: boolean;
}

export interface FamilyResolution {
  routes: RouteEntry[];
  diagnostics: Diagnostic[];
  meshes: MeshSummary[];
}

/**
 * A policy family brings its reader (validation included) and its resolver; exporters join later.
 * `read` turns the resources the family claims into a typed model; `resolve` turns the model into routes.
 */
export interface PolicyFamily<Model> {
  id: Family;
  claims(header: ResourceHeader): boolean;
  read(headers: readonly ResourceHeader[]): { model: Model; diagnostics: Diagnostic[] };
  resolve(model: Model, options: ResolveOptions): FamilyResolution;
}
