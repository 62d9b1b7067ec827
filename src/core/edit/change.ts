/**
 * Typed changes to one YAML document: what the form, the graph and quick fixes ask for. A core function applies
 * them to the `yaml` Document (setIn/deleteIn), so comments, key order, quoting and unknown fields survive.
 */

/** Keys and sequence indexes from the document's root, as in `spec.to[0].rules[0]` = ['spec', 'to', 0, 'rules', 0]. */
export type YamlPath = readonly (string | number)[];

export type DocumentChange =
  /** Sets (or creates, with the maps on the way) the value at `path`: a scalar or a plain structure. */
  | { op: 'set'; path: YamlPath; value: unknown }
  /** Removes the map key or sequence item at `path`. */
  | { op: 'delete'; path: YamlPath }
  /** Inserts `value` into the sequence at `path` (created when missing) before `index` (its length: at the end). */
  | { op: 'insert'; path: YamlPath; index: number; value: unknown }
  /** Moves the item at `from` of the sequence at `path` to position `to`, with the comments written above it. */
  | { op: 'move'; path: YamlPath; from: number; to: number }
  /** Renames the map key at `path` to `to`: its value, its place among the keys and its comments stay. */
  | { op: 'rename'; path: YamlPath; to: string };

/** Where a change applies: one document of one file. */
export interface ChangeTarget {
  file: string;
  /** 0-based position of the YAML document in its file. */
  documentIndex: number;
}

/** A quick fix offered with a diagnostic: its title says what it does ("Change to MeshTCPRoute"). */
export interface Fix extends ChangeTarget {
  title: string;
  changes: DocumentChange[];
}
