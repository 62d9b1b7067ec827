/** Command-line arguments -> a command, or a usage error. Pure: no process, no I/O. */
import type { IstioExportOptions, KumaModelOption } from '../core';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'validate'; files: string[]; kumaModel?: KumaModelOption }
  | { kind: 'resolve'; files: string[]; json: boolean; all: boolean; from: string | null; to: string | null; kumaModel?: KumaModelOption }
  | { kind: 'export'; files: string[]; target: ExportTarget; out: string | null; format: ExportFormat; istio: Partial<IstioExportOptions> };

export type ExportTarget = 'envoy' | 'istio';
export type ExportFormat = 'yaml' | 'json';

/** The uncertain choices of the Istio translation, as flags: flag -> option key and the values it takes. */
const ISTIO_FLAGS: Record<string, { key: keyof IstioExportOptions; values: Record<string, IstioExportOptions[keyof IstioExportOptions]> }> = {
  '--istio-api-version': { key: 'apiVersion', values: { v1beta1: 'networking.istio.io/v1beta1', v1: 'networking.istio.io/v1' } },
  '--istio-names': { key: 'names', values: { serviceRoute: 'serviceRoute', suffixed: 'suffixed' } },
  '--istio-tcp-source-ip': { key: 'tcpSourceIp', values: { portLevelSettings: 'portLevelSettings', loadBalancer: 'loadBalancer', both: 'both' } },
  '--istio-fqn-annotation': { key: 'fqnAnnotation', values: { true: true, false: false } },
};

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; error: string };

/** The name the usage text shows; `npm run --silent cli --` runs it from the project root. */
export const PROGRAM = 'route-studio';

export const USAGE = `Usage:
  npm run --silent cli -- validate FILE...                  check the files, one line per problem
  npm run --silent cli -- resolve FILE... [--json] [--all] [--from SERVICE] [--to SERVICE]
                                                            print the route table
  npm run --silent cli -- export FILE... --target envoy|istio [--out DIR] [--format yaml|json]
  npm run --silent cli -- --help

validate  prints FILE:LINE:COL: SEVERITY CODE: message per diagnostic;
          exits 1 if any is an error, else 0.
resolve   prints each route (source -> destination, winning policy, weighted backends,
          the policies it overrides), then the diagnostics on standard error; exits 0.
  --json  print only JSON {"routes": [...], "diagnostics": [...]} on standard output
  --all   also list the default routes of destinations no policy touches
  --from SERVICE  only the routes of this source service
  --to SERVICE    only the routes to this destination
  --kuma-model auto|2.6|2.14  (validate and resolve) force the Kuma model of every mesh; auto (the default)
                  chooses per mesh from the constructs its documents use
  The table is streamed: its memory stays flat however many routes a mesh has.

export    writes the configuration the mesh would generate: --target envoy, per Kuma proxy the
          listeners, clusters and endpoints Kuma 2.6 would generate; --target istio, per TSB
          ServiceRoute its Istio VirtualService + DestinationRule (TSB's own translation is closed
          source and may differ). With --out DIR the files go under DIR, else to standard output
          (YAML documents headed by their file names, or one JSON object by file name); what it
          leaves out is reported on standard error. Exits 1 if any error, else 0.
  --istio-api-version v1beta1|v1, --istio-names serviceRoute|suffixed,
  --istio-tcp-source-ip portLevelSettings|loadBalancer|both, --istio-fqn-annotation true|false
          the translation's uncertain choices (defaults first, as the mapping infers them).

FILE may be "-" for standard input; "--" ends the options (for a file named like a flag).
A file that cannot be read is reported as a FILE_UNREADABLE error; the others are still analysed.
Exit 2 on a usage error.`;

const COMMANDS = ['validate', 'resolve', 'export', 'help'] as const;

/** Options that take a value (`--from backend` or `--from=backend`), per command. */
const VALUE_OPTIONS: Record<'validate' | 'resolve', readonly string[]> = {
  validate: ['--kuma-model'],
  resolve: ['--from', '--to', '--kuma-model'],
};

const KUMA_MODELS: Record<string, KumaModelOption> = { auto: 'auto', '2.6': 'kuma-2.6', '2.14': 'kuma-2.14' };

/** Flags each command accepts, beyond --help. */
const FLAGS: Record<'validate' | 'resolve', readonly string[]> = {
  validate: [],
  resolve: ['--json', '--all'],
};

/** Parses `argv` without the node and script paths (i.e. `process.argv.slice(2)`). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const endOfOptions = argv.indexOf('--');
  const options = endOfOptions < 0 ? argv : argv.slice(0, endOfOptions);
  if (options.includes('--help') || options.includes('-h')) return { ok: true, command: { kind: 'help' } };

  const [name, ...rest] = argv;
  if (name === undefined) return usageError('no command given');
  if (name === '--') return usageError('no command given before "--"');
  if (isFlag(name)) return usageError(`expected a command (${COMMANDS.slice(0, 3).join(', ')}) before ${name}`);
  if (!(COMMANDS as readonly string[]).includes(name)) return usageError(`unknown command "${name}" (expected ${COMMANDS.slice(0, 3).join(', ')})`);
  if (name === 'help') return { ok: true, command: { kind: 'help' } };
  if (name === 'export') return parseExport(rest);

  const command = name as 'validate' | 'resolve';
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (optionsEnded) files.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (VALUE_OPTIONS[command].includes(option)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '' || (inline === undefined && isFlag(value))) return usageError(`${option} needs ${option === '--kuma-model' ? 'a model (auto, 2.6, 2.14)' : 'a service name'}`);
      if (option === '--kuma-model' && KUMA_MODELS[value] === undefined) return usageError(`--kuma-model takes auto, 2.6 or 2.14, not "${value}"`);
      values.set(option, value);
    } else if (isFlag(arg)) {
      if (!FLAGS[command].includes(arg)) return usageError(`unknown option ${arg} for ${command}${allowed([...FLAGS[command], ...VALUE_OPTIONS[command]])}`);
      flags.add(arg);
    } else files.push(arg);
  }
  if (files.length === 0) return usageError(`${command}: no files given`);
  const model = values.get('--kuma-model');
  const kumaModel = model !== undefined ? { kumaModel: KUMA_MODELS[model] as KumaModelOption } : {};
  if (command === 'validate') return { ok: true, command: { kind: 'validate', files, ...kumaModel } };
  return { ok: true, command: { kind: 'resolve', files, json: flags.has('--json'), all: flags.has('--all'), from: values.get('--from') ?? null, to: values.get('--to') ?? null, ...kumaModel } };
}

const TARGETS: readonly ExportTarget[] = ['envoy', 'istio'];
const FORMATS: readonly ExportFormat[] = ['yaml', 'json'];
const VALUED = ['--target', '--out', '--format', ...Object.keys(ISTIO_FLAGS)] as const;

/** `export FILE... --target envoy|istio [--out DIR] [--format yaml|json]`; `--flag value` or `--flag=value`. */
function parseExport(rest: readonly string[]): ParsedArgs {
  const files: string[] = [];
  const values: Partial<Record<string, string>> = {};
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (optionsEnded || !isFlag(arg)) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(VALUED as readonly string[]).includes(flag)) return usageError(`unknown option ${flag} for export${allowed(VALUED)}`);
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') return usageError(`export: ${flag} needs a value`);
    values[flag] = value;
  }
  const istio: Partial<Record<keyof IstioExportOptions, unknown>> = {};
  for (const [flag, { key, values: choices }] of Object.entries(ISTIO_FLAGS)) {
    const value = values[flag];
    if (value === undefined) continue;
    if (!(value in choices)) return usageError(`export: ${flag} ${value} is not one of ${Object.keys(choices).join(', ')}`);
    istio[key] = choices[value];
  }
  if (files.length === 0) return usageError('export: no files given');
  const target = values['--target'];
  if (!target) return usageError('export: --target is required (envoy or istio)');
  if (!(TARGETS as readonly string[]).includes(target)) return usageError(`export: unknown target "${target}" (expected ${TARGETS.join(' or ')})`);
  const format = values['--format'] ?? 'yaml';
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(`export: unknown format "${format}" (expected ${FORMATS.join(' or ')})`);
  return { ok: true, command: { kind: 'export', files, target: target as ExportTarget, out: values['--out'] ?? null, format: format as ExportFormat, istio: istio as Partial<IstioExportOptions> } };
}

/** `-` alone is standard input, not a flag. */
function isFlag(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

function allowed(flags: readonly string[]): string {
  return flags.length === 0 ? ' (it takes none)' : ` (allowed: ${flags.join(', ')})`;
}

function usageError(error: string): ParsedArgs {
  return { ok: false, error };
}
