/**
 * The "Export" dialog, loaded when first opened (it brings the zip and YAML libraries): the policies (this tab, or
 * the whole workspace as YAML or JSON), the configuration the mesh would generate (Envoy for Kuma, Istio for TSB,
 * computed in the worker), and the graph as PNG or SVG with its legend. Each as a download whose name says what it
 * holds, or (text) copied to the clipboard.
 */
import { useState } from 'react';
import { zipSync, strToU8 } from 'fflate';
import type { Diagnostic } from '../../core';
import type { ExportTarget } from '../../core/generate';
import { useStudioStore } from '../../state';
import { requestExport } from '../../worker/exportClient';
import { captureGraph, type ImageFormat } from '../graph/graphCapture';
import { Dialog } from './Dialog';
import { download, tabFile, workspaceJson, workspaceYaml, type DownloadFile } from './exportPolicies';
import { useNotify } from './notices';

const TARGETS: { target: ExportTarget; title: string; family: string; note?: string }[] = [
  { target: 'envoy', title: 'Envoy configuration', family: 'Kuma: the listeners and clusters Kuma generates for each proxy' },
  {
    target: 'istio',
    title: 'Istio configuration',
    family: 'TSB: the VirtualService and DestinationRule a ServiceRoute translates to',
    note: "TSB's own translation is closed source and may differ from this one where the mapping is uncertain.",
  },
];

interface ConfigOutcome {
  target: ExportTarget;
  files: number;
  diagnostics: Diagnostic[];
}

function configDownload(target: ExportTarget, files: { name: string; text: string }[]): { name: string; data: Blob } | null {
  if (files.length === 0) return null;
  if (files.length === 1 && files[0]) return { name: files[0].name, data: new Blob([files[0].text], { type: 'application/yaml' }) };
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])));
  return { name: `${target}-config.zip`, data: new Blob([zip], { type: 'application/zip' }) };
}

export default function ExportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ConfigOutcome | null>(null);
  const store = useStudioStore();
  const notify = useNotify();
  const activeFile = store.getState().activeFile;

  const policies = (which: 'tab' | 'yaml' | 'json'): DownloadFile => {
    const { files, activeFile: active } = store.getState();
    if (which === 'tab') return tabFile(files.find((f) => f.name === active) ?? { name: 'policies.yaml', text: '' });
    return which === 'yaml' ? workspaceYaml(files) : workspaceJson(files);
  };
  const save = (file: DownloadFile) => {
    download(file.name, new Blob([file.text], { type: file.mime }));
    notify({ kind: 'info', message: `Downloaded ${file.name}.${file.note ? ` ${file.note}.` : ''}` });
  };
  const copy = async (file: DownloadFile) => {
    try {
      await navigator.clipboard.writeText(file.text);
      notify({ kind: 'info', message: `Copied ${file.name} to the clipboard.${file.note ? ` ${file.note}.` : ''}` });
    } catch {
      notify({ kind: 'error', message: 'The browser did not let the app write to the clipboard: use Download instead.' });
    }
  };
  const config = async (target: ExportTarget, how: 'download' | 'copy') => {
    setBusy(target);
    try {
      const result = await requestExport(store.getState().files, target);
      setOutcome({ target, files: result.files.length, diagnostics: result.diagnostics });
      if (how === 'copy') {
        if (result.files.length > 0) await copy({ name: `${target} configuration`, text: result.files.map((f) => `# ${f.name}\n${f.text}`).join('\n---\n'), mime: 'text/plain' });
        return;
      }
      const file = configDownload(target, result.files);
      if (file) {
        download(file.name, file.data);
        notify({ kind: 'info', message: `Downloaded ${file.name}.` });
      }
    } catch (error) {
      notify({ kind: 'error', message: `The ${target} export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
    }
  };
  const image = async (format: ImageFormat) => {
    setBusy(format);
    try {
      const blob = await captureGraph(format);
      const name = `route-graph.${format}`;
      download(name, blob);
      notify({ kind: 'info', message: `Downloaded ${name}.` });
    } catch (error) {
      notify({ kind: 'error', message: `The graph could not be exported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const row = (label: string, detail: string, onDownload: () => void, onCopy?: () => void, testId?: string) => (
    <li className="export__row" data-testid={testId}>
      <span className="export__what">
        <span className="export__label">{label}</span>
        <span className="export__detail">{detail}</span>
      </span>
      <button type="button" className="button" disabled={busy !== null} onClick={onDownload}>
        Download
      </button>
      {onCopy && (
        <button type="button" className="button" disabled={busy !== null} onClick={onCopy}>
          Copy
        </button>
      )}
    </li>
  );

  return (
    <>
      <Dialog
        open={open}
        onClose={() => {
          onClose();
          setOutcome(null);
        }}
        title="Export"
        testId="export-dialog"
      >
        <h3 className="dialog__section">Policies</h3>
        <ul className="export">
          {row('This tab', tabFile({ name: activeFile, text: '' }).name, () => save(policies('tab')), () => void copy(policies('tab')), 'export-tab')}
          {row('Whole workspace, YAML', 'policies-workspace.yaml: every tab, as one multi-document YAML', () => save(policies('yaml')), () => void copy(policies('yaml')), 'export-workspace-yaml')}
          {row('Whole workspace, JSON', 'policies-workspace.json: every document, as a Kubernetes List', () => save(policies('json')), () => void copy(policies('json')), 'export-workspace-json')}
        </ul>
        <h3 className="dialog__section">Generated configuration</h3>
        <ul className="export">
          {TARGETS.map((t) => (
            <li key={t.target} className="export__group">
              <ul className="export">
                {row(t.title, t.family, () => void config(t.target, 'download'), () => void config(t.target, 'copy'), `export-${t.target}`)}
              </ul>
              {t.note && <p className="export__note">{t.note}</p>}
            </li>
          ))}
        </ul>
        {outcome && (
          <div className="export__outcome" data-testid="export-outcome" role="status">
            <p>
              {outcome.target === 'envoy' ? 'Envoy' : 'Istio'} export: {outcome.files === 0 ? 'no file was produced' : `${outcome.files} file${outcome.files === 1 ? '' : 's'}`}
              {outcome.diagnostics.length > 0 ? `, ${outcome.diagnostics.length} message${outcome.diagnostics.length === 1 ? '' : 's'}:` : '.'}
            </p>
            <ul className="export__diagnostics">
              {outcome.diagnostics.map((d, i) => (
                <li key={i} className={`export__diagnostic export__diagnostic--${d.severity}`}>
                  {d.severity} {d.code}: {d.message}
                  {d.file ? ` (${d.file}:${d.line})` : ''}
                </li>
              ))}
            </ul>
          </div>
        )}
        <h3 className="dialog__section">Graph</h3>
        <ul className="export">
          {row('PNG image', 'route-graph.png: the whole graph with its legend', () => void image('png'), undefined, 'export-png')}
          {row('SVG image', 'route-graph.svg: the same, as a vector image', () => void image('svg'), undefined, 'export-svg')}
        </ul>
        {busy && <p className="dialog__hint">Preparing {busy}…</p>}
      </Dialog>
    </>
  );
}
