/** Reads the files named on the command line: an unreadable file becomes a diagnostic, never a crash. */
import type { Diagnostic, SourceFile } from '../core';

/** The name that means standard input. */
export const STDIN = '-';

/** Where the text comes from; the real one is Node's fs and process.stdin, tests pass their own. */
export interface InputReader {
  /** The file's text; throws (like fs.readFileSync) when it cannot be read. */
  readFile(path: string): string;
  readStdin(): Promise<string>;
}

export interface Inputs {
  files: SourceFile[];
  /** One FILE_UNREADABLE error per file that could not be read. */
  diagnostics: Diagnostic[];
}

/** Reads every name in order; `-` is standard input (read once, even when named twice). */
export async function readInputs(names: readonly string[], reader: InputReader): Promise<Inputs> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let stdin: Promise<string> | undefined;
  for (const name of names) {
    try {
      const text = name === STDIN ? await (stdin ??= reader.readStdin()) : reader.readFile(name);
      files.push({ name, text });
    } catch (error) {
      diagnostics.push(unreadableDiagnostic(name, error));
    }
  }
  return { files, diagnostics };
}

/** `FILE:1:1: error FILE_UNREADABLE: cannot read this file: no such file or directory (ENOENT)` */
export function unreadableDiagnostic(file: string, error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'FILE_UNREADABLE',
    message: `cannot read ${file === STDIN ? 'standard input' : 'this file'}: ${osReason(error)}`,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: '',
  };
}

/**
 * The OS reason without Node's decoration: `ENOENT: no such file or directory, open 'x.yaml'` becomes
 * `no such file or directory (ENOENT)`.
 */
export function osReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error.message;
  const match = /^[A-Z0-9_]+: (.*?)(?:, \w+(?: '.*')?)?$/s.exec(error.message);
  return `${match?.[1] ?? error.message} (${code})`;
}

