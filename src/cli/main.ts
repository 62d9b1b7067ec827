/** `npm run --silent cli -- validate|resolve|export ...`: see src/cli/args.ts for the usage. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROGRAM } from './args';
import { runCli, type CliEnvironment } from './run';

/** Resolves once the stream has taken the text, so a large table is not buffered whole and stdout comes before stderr. */
function writer(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  return (text) =>
    new Promise((resolve, reject) => {
      stream.write(text, (error) => (error ? reject(error) : resolve()));
    });
}

const env: CliEnvironment = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (dir, name, text) => {
    const path = join(dir, name); // a name may hold folders (`default/web-1.listeners.yaml`)
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** `resolve ... | head` closes the pipe early: the reader has what it wanted, that is not an error. */
function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

process.stdout.on('error', (error) => {
  if (isClosedPipe(error)) process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), env);
} catch (error) {
  if (isClosedPipe(error)) process.exit(process.exitCode ?? 0);
  // Core never throws on user input; if it does anyway, say so plainly and do not pass for "errors found" (1).
  process.stderr.write(`${PROGRAM}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 3;
}
