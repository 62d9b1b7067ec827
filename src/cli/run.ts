/** The command line's logic, over an injected environment so that it runs the same in tests and in a shell. */
import { analyze, exportConfig, hasErrors, sortDiagnostics, type ExportFile, type KumaModelOption } from '../core';
import { parseArgs, PROGRAM, USAGE, type CliCommand } from './args';
import { formatDiagnostic, formatResolveSummary, formatRouteTable, formatSummary, routeTableJsonChunks } from './format';
import { readInputs, type InputReader } from './input';

/** Where output goes. A write may return a promise: it is awaited, so a slow reader holds the writer back. */
export interface CliEnvironment extends InputReader {
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void | Promise<void>;
  /** Writes a file of `export --out DIR` (creating DIR); throws when it cannot. */
  writeFile?(dir: string, name: string, text: string): void | Promise<void>;
}

type Write = CliEnvironment['stdout'];

export const EXIT_OK = 0;
/** validate: at least one diagnostic is an error. */
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Runs one command; returns the exit code. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    await env.stderr(`${PROGRAM}: ${parsed.error}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const command = parsed.command;
  switch (command.kind) {
    case 'help':
      await env.stdout(`${USAGE}\n`);
      return EXIT_OK;
    case 'export':
      return runExport(command, env);
    case 'validate': {
      const { diagnostics } = await analyzeFiles(command.files, env, command.kumaModel);
      await writeLines(env.stdout, diagnostics.map(formatDiagnostic));
      await env.stderr(`${formatSummary(diagnostics, command.files.length)}\n`);
      return hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
    }
    case 'resolve': {
      const { index, diagnostics } = await analyzeFiles(command.files, env, command.kumaModel);
      let count = 0;
      const routes = (function* () {
        for (const route of index.entries({ includeDefaults: command.all, from: command.from, to: command.to })) {
          count++;
          yield route;
        }
      })();
      if (command.json) {
        await writeChunks(env.stdout, routeTableJsonChunks({ routes, diagnostics }));
        return EXIT_OK;
      }
      await writeLines(env.stdout, formatRouteTable(routes));
      await writeLines(env.stderr, diagnostics.map(formatDiagnostic));
      await env.stderr(`${formatResolveSummary(count, diagnostics, command.files.length, command.all)}\n`);
      return EXIT_OK;
    }
  }
}

async function runExport(command: Extract<CliCommand, { kind: 'export' }>, env: CliEnvironment): Promise<number> {
  const inputs = await readInputs(command.files, env);
  const result = exportConfig(inputs.files, command.target, { format: command.format, istio: command.istio });
  const diagnostics = sortDiagnostics([...inputs.diagnostics, ...result.diagnostics], command.files);
  if (command.out === null) {
    if (result.files.length > 0) await env.stdout(joinExported(result.files, command.format));
  } else {
    for (const file of result.files) {
      try {
        if (!env.writeFile) throw new Error('no file system');
        await env.writeFile(command.out, file.name, file.text);
      } catch (error) {
        await env.stderr(`${PROGRAM}: cannot write ${command.out}/${file.name}: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT_ERRORS;
      }
    }
  }
  await writeLines(env.stderr, diagnostics.map(formatDiagnostic));
  const where = command.out === null ? '' : ` to ${command.out}`;
  await env.stderr(`exported ${result.files.length} file${result.files.length === 1 ? '' : 's'}${where}; ${formatSummary(diagnostics, command.files.length)}\n`);
  return hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
}

/** Without --out: YAML documents each headed by its file name, or one JSON object from file name to content. */
function joinExported(files: readonly ExportFile[], format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(Object.fromEntries(files.map((f) => [f.name, JSON.parse(f.text) as unknown])), null, 2)}\n`;
  return files.map((f) => `--- # ${f.name}\n${f.text}`).join('');
}

async function analyzeFiles(names: readonly string[], env: CliEnvironment, kumaModel: KumaModelOption = 'auto') {
  const inputs = await readInputs(names, env);
  const analysis = analyze(inputs.files, { kumaModel });
  return { index: analysis.index, diagnostics: sortDiagnostics([...inputs.diagnostics, ...analysis.diagnostics], names) };
}

/** Lines, each ended by a newline, written in batches. */
async function writeLines(write: Write, lines: Iterable<string>): Promise<void> {
  await writeChunks(
    write,
    (function* () {
      for (const line of lines) yield `${line}\n`;
    })(),
  );
}

/** Writes in batches of about 1 MB: one write per line would be slow, one string for a huge table too long. */
async function writeChunks(write: Write, chunks: Iterable<string>): Promise<void> {
  const BATCH = 1 << 20;
  let batch: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= BATCH) {
      await write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await write(batch.join(''));
}
