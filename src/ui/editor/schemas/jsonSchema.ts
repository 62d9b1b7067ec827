/** A JSON Schema as plain data (what monaco-yaml takes). */
export type JSONSchema = { [key: string]: unknown };
