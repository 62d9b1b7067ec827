/** The form of a Kuma MeshTCPRoute or MeshHTTPRoute: name, the selected proxies, and each `to[]` destination's rules. */
import type { YamlPath } from '../../core';
import { BackendRefsEditor } from './BackendRefsEditor';
import { AddButton, ItemActions, Section, SelectField, TextField } from './fields';
import { TargetRefPicker } from './TargetRefPicker';
import { dnsSubdomain, required } from './validation';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const TOP_KINDS = ['Mesh', 'MeshSubset', 'MeshService', 'MeshServiceSubset'];
const HTTP_TOP_KINDS = [...TOP_KINDS, 'MeshGateway'];
const TO_KINDS = ['MeshService'];
const PATH_MATCH_TYPES = ['PathPrefix', 'Exact', 'RegularExpression'];

export function KumaRouteForm({ doc }: { doc: Rec }) {
  const kind = String(doc.kind ?? doc.type);
  const http = kind === 'MeshHTTPRoute';
  const universal = doc.kind === undefined;
  const spec = rec(doc.spec);
  const to = list(spec.to);
  const toPath: YamlPath = ['spec', 'to'];
  return (
    <>
      <Section title={kind}>
        {universal ? (
          <TextField label="name" path={['name']} value={doc.name} validate={required} />
        ) : (
          <TextField label="name" path={['metadata', 'name']} value={rec(doc.metadata).name} validate={dnsSubdomain} />
        )}
      </Section>
      <Section title="Applies to (spec.targetRef)">
        <TargetRefPicker label="targetRef" path={['spec', 'targetRef']} value={spec.targetRef} kinds={http ? HTTP_TOP_KINDS : TOP_KINDS} />
      </Section>
      {to.map((entry, i) => {
        const e = rec(entry);
        const destination = String(rec(e.targetRef).name ?? '');
        return (
          <Section
            key={i}
            title={
              <>
                Destination {i + 1} (to[{i}]) <ItemActions path={toPath} index={i} count={to.length} what="destination" />
              </>
            }
          >
            <TargetRefPicker label="to targetRef" path={[...toPath, i, 'targetRef']} value={e.targetRef} kinds={TO_KINDS} />
            <RulesEditor path={[...toPath, i, 'rules']} rules={e.rules} destination={destination} http={http} />
          </Section>
        );
      })}
      <AddButton path={toPath} index={to.length} value={{ targetRef: { kind: 'MeshService', name: '' }, rules: [{ default: { backendRefs: [{ kind: 'MeshService', name: '', weight: 100 }] } }] }}>
        + destination
      </AddButton>
    </>
  );
}

function RulesEditor({ path, rules, destination, http }: { path: YamlPath; rules: unknown; destination: string; http: boolean }) {
  const items = list(rules);
  const newRule = { ...(http ? { matches: [{ path: { type: 'PathPrefix', value: '/' } }] } : {}), default: { backendRefs: [{ kind: 'MeshService', name: destination, weight: 100 }] } };
  if (items.length === 0) {
    return (
      <div className="form-note">
        No rules: the traffic goes to {destination || 'the destination'} itself.{' '}
        <AddButton path={path} index={0} value={newRule}>
          + rule
        </AddButton>
      </div>
    );
  }
  return (
    <div className="form-list">
      {items.map((rule, r) => {
        const matches = list(rec(rule).matches);
        return (
          <div className="form-item" key={r}>
            <div className="form-item__head">
              <span>rule {r + 1}</span>
              {(http || items.length > 1) && <ItemActions path={path} index={r} count={items.length} what="rule" />}
            </div>
            {http &&
              matches.map((match, m) => {
                const p = rec(rec(match).path);
                return (
                  <div className="form-match" key={m}>
                    <SelectField label={`match ${m + 1} path type`} path={[...path, r, 'matches', m, 'path', 'type']} value={p.type} options={PATH_MATCH_TYPES} />
                    <TextField label="path" path={[...path, r, 'matches', m, 'path', 'value']} value={p.value} validate={required} />
                  </div>
                );
              })}
            <BackendRefsEditor path={[...path, r, 'default', 'backendRefs']} value={rec(rec(rule).default).backendRefs} defaultService={destination} />
          </div>
        );
      })}
      {http && (
        <AddButton path={path} index={items.length} value={newRule}>
          + rule
        </AddButton>
      )}
    </div>
  );
}
