import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from './args';

describe('parseArgs', () => {
  it('reads validate with its files, in order', () => {
    expect(parseArgs(['validate', 'a.yaml', 'b.yaml'])).toEqual({ ok: true, command: { kind: 'validate', files: ['a.yaml', 'b.yaml'] } });
  });

  it('reads resolve flags wherever they stand', () => {
    expect(parseArgs(['resolve', '--json', 'a.yaml', '--all'])).toEqual({ ok: true, command: { kind: 'resolve', files: ['a.yaml'], json: true, all: true, from: null, to: null } });
    expect(parseArgs(['resolve', 'a.yaml'])).toEqual({ ok: true, command: { kind: 'resolve', files: ['a.yaml'], json: false, all: false, from: null, to: null } });
    expect(parseArgs(['resolve', 'a.yaml', '--from', 'web', '--to=backend'])).toEqual({ ok: true, command: { kind: 'resolve', files: ['a.yaml'], json: false, all: false, from: 'web', to: 'backend' } });
  });

  it('takes "-" as a file (standard input), not a flag', () => {
    expect(parseArgs(['validate', '-'])).toEqual({ ok: true, command: { kind: 'validate', files: ['-'] } });
  });

  it('takes everything after "--" as files', () => {
    expect(parseArgs(['resolve', '--json', '--', '--all', '-x.yaml'])).toEqual({ ok: true, command: { kind: 'resolve', files: ['--all', '-x.yaml'], json: true, all: false, from: null, to: null } });
  });

  it('gives help for --help, -h or help, even with other arguments', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['resolve', 'a.yaml', '--help'], ['validate', '--bogus', '-h']]) {
      expect(parseArgs(argv)).toEqual({ ok: true, command: { kind: 'help' } });
    }
  });

  it('does not read --help after "--" as help', () => {
    expect(parseArgs(['validate', '--', '--help'])).toEqual({ ok: true, command: { kind: 'validate', files: ['--help'] } });
  });

  it('parses export: files, --target, --out and --format, as "--flag value" or "--flag=value"', () => {
    expect(parseArgs(['export', 'a.yaml', '--target', 'istio'])).toEqual({ ok: true, command: { kind: 'export', files: ['a.yaml'], target: 'istio', out: null, format: 'yaml', istio: {} } });
    expect(parseArgs(['export', '--target=istio', 'a.yaml', 'b.yaml', '--out', 'dist', '--format=json'])).toEqual({
      ok: true,
      command: { kind: 'export', files: ['a.yaml', 'b.yaml'], target: 'istio', out: 'dist', format: 'json', istio: {} },
    });
    expect(parseArgs(['export', '--target', 'istio', '--', '--odd.yaml'])).toMatchObject({ ok: true, command: { files: ['--odd.yaml'] } });
    expect(parseArgs(['export', 'a.yaml', '--target=istio', '--istio-api-version', 'v1', '--istio-names=suffixed', '--istio-tcp-source-ip', 'both', '--istio-fqn-annotation', 'false'])).toMatchObject({
      ok: true,
      command: { istio: { apiVersion: 'networking.istio.io/v1', names: 'suffixed', tcpSourceIp: 'both', fqnAnnotation: false } },
    });
  });

  it.each([
    [['export', 'a.yaml'], '--target is required'],
    [['export', '--target', 'istio'], 'export: no files given'],
    [['export', 'a.yaml', '--target', 'consul'], 'unknown target "consul"'],
    [['export', 'a.yaml', '--target', 'istio', '--format', 'xml'], 'unknown format "xml"'],
    [['export', 'a.yaml', '--target'], '--target needs a value'],
    [['export', 'a.yaml', '--target', 'istio', '--json'], 'unknown option --json for export'],
    [['export', 'a.yaml', '--target', 'istio', '--istio-names', 'short'], '--istio-names short is not one of serviceRoute, suffixed'],
  ])('export usage error for %j', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it.each([
    [[], 'no command given'],
    [['frob', 'a.yaml'], 'unknown command "frob"'],
    [['--json', 'resolve', 'a.yaml'], 'expected a command'],
    [['validate'], 'validate: no files given'],
    [['resolve', '--json'], 'resolve: no files given'],
    [['resolve', '--xml', 'a.yaml'], 'unknown option --xml for resolve (allowed: --json, --all, --from, --to, --kuma-model)'],
    [['resolve', 'a.yaml', '--from'], '--from needs a service name'],
    [['resolve', '--to', '--json', 'a.yaml'], '--to needs a service name'],
    [['validate', '--json', 'a.yaml'], 'unknown option --json for validate (allowed: --kuma-model)'],
    [['resolve', '--json=true', 'a.yaml'], 'unknown option --json=true'],
    [['--'], 'no command given'],
  ])('reports a usage error for %j', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('documents every command and flag in the usage text', () => {
    for (const word of ['validate', 'resolve', 'export', '--json', '--all', '--help', 'FILE:LINE:COL: SEVERITY CODE: message']) expect(USAGE).toContain(word);
  });

  it('reads --kuma-model for validate and resolve, and refuses an unknown model', () => {
    expect(parseArgs(['validate', '--kuma-model', '2.14', 'a.yaml'])).toEqual({ ok: true, command: { kind: 'validate', files: ['a.yaml'], kumaModel: 'kuma-2.14' } });
    expect(parseArgs(['resolve', 'a.yaml', '--kuma-model=2.6'])).toMatchObject({ ok: true, command: { kind: 'resolve', kumaModel: 'kuma-2.6' } });
    expect(parseArgs(['resolve', 'a.yaml', '--kuma-model', '3.0'])).toMatchObject({ ok: false, error: expect.stringContaining('--kuma-model takes auto, 2.6 or 2.14') });
  });
});
