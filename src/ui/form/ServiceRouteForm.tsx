/**
 * The form of a TSB ServiceRoute (traffic.tsb.tetrate.io/v2), read from the YAML document itself: service, subsets,
 * port settings with sticky sessions (only the keys the port's traffic type allows), HTTP and TCP routes.
 */
import type { DocumentChange, YamlPath } from '../../core';
import { AddButton, ItemActions, NumberField, Section, SelectField, TextField } from './fields';
import { useDocumentForm } from './FormContext';
import { TagsEditor } from './TagsEditor';
import { dnsLabel, required, shares } from './validation';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const TRAFFIC_TYPES = ['HTTP', 'TCP', 'TLS_PASSTHROUGH'];
const STICKY_KEYS = ['header', 'cookie', 'useSourceIp'] as const;
type StickyKey = (typeof STICKY_KEYS)[number];

/** TCP (and TLS passthrough) hash only on the source IP; HTTP on a header, a cookie or the source IP. */
export function stickyKeysFor(trafficType: unknown): readonly StickyKey[] {
  return trafficType === 'HTTP' ? STICKY_KEYS : ['useSourceIp'];
}

export function ServiceRouteForm({ doc }: { doc: Rec }) {
  const spec = rec(doc.spec);
  const subsets = list(spec.subsets);
  const subsetNames = subsets.map((s) => String(rec(s).name ?? ''));
  const percents = shares(subsets.map((s) => (typeof rec(s).weight === 'number' ? (rec(s).weight as number) : 0)));
  return (
    <>
      <Section title="ServiceRoute">
        <TextField label="name" path={['metadata', 'name']} value={rec(doc.metadata).name} validate={dnsLabel} />
        <TextField label="service" path={['spec', 'service']} value={spec.service} validate={required} />
      </Section>
      <Section title="Subsets">
        {subsets.map((subset, i) => (
          <div className="form-item" key={i} data-testid="form-subset">
            <div className="form-item__head">
              <span>subset {i + 1}</span>
              <ItemActions path={['spec', 'subsets']} index={i} count={subsets.length} what="subset" />
            </div>
            <TextField label="name" path={['spec', 'subsets', i, 'name']} value={rec(subset).name} validate={dnsLabel} />
            <TagsEditor path={['spec', 'subsets', i, 'labels']} value={rec(subset).labels} />
            <NumberField
              label="weight"
              path={['spec', 'subsets', i, 'weight']}
              value={rec(subset).weight}
              min={0}
              what="weight"
              hint={<output className="form-share">{Math.round(percents[i] ?? 0)}%</output>}
            />
          </div>
        ))}
        <AddButton path={['spec', 'subsets']} index={subsets.length} value={{ name: `v${subsets.length + 1}`, labels: { version: `v${subsets.length + 1}` }, weight: 0 }}>
          + subset
        </AddButton>
      </Section>
      <Section title="Port settings">
        <PortSettings path={['spec', 'portLevelSettings']} value={spec.portLevelSettings} />
      </Section>
      <RoutesSection title="HTTP routes" path={['spec', 'httpRoutes']} value={spec.httpRoutes} subsets={subsetNames} http />
      <RoutesSection title="TCP routes" path={['spec', 'tcpRoutes']} value={spec.tcpRoutes} subsets={subsetNames} http={false} />
    </>
  );
}

function PortSettings({ path, value }: { path: YamlPath; value: unknown }) {
  const { edit } = useDocumentForm();
  const ports = list(value);
  return (
    <div className="form-list">
      {ports.map((port, i) => {
        const p = rec(port);
        const sticky = rec(p.stickySession);
        const allowed = stickyKeysFor(p.trafficType);
        const current = STICKY_KEYS.find((k) => k in sticky) ?? '';
        const here = [...path, i];
        const setTrafficType = (type: string) => {
          const changes: DocumentChange[] = [{ op: 'set', path: [...here, 'trafficType'], value: type }];
          for (const key of Object.keys(sticky)) if (!stickyKeysFor(type).includes(key as StickyKey)) changes.push({ op: 'delete', path: [...here, 'stickySession', key] });
          edit(changes);
        };
        const setSticky = (key: string) => {
          const changes: DocumentChange[] = key === '' ? ('stickySession' in p ? [{ op: 'delete', path: [...here, 'stickySession'] }] : []) : [{ op: 'set', path: [...here, 'stickySession'], value: stickyDefault(key as StickyKey) }];
          if (changes.length > 0) edit(changes);
        };
        return (
          <div className="form-item" key={i}>
            <div className="form-item__head">
              <span>port {i + 1}</span>
              <ItemActions path={path} index={i} count={ports.length} what="port" />
            </div>
            <NumberField label="port" path={[...here, 'port']} value={p.port} min={1} max={65535} what="port" />
            <SelectField label="trafficType" path={[...here, 'trafficType']} value={p.trafficType} options={TRAFFIC_TYPES} onSelect={setTrafficType} />
            <SelectField label="sticky session" path={[...here, 'stickySession']} value={current} options={['', ...allowed]} onSelect={setSticky} />
            {current === 'header' && <TextField label="header" path={[...here, 'stickySession', 'header']} value={sticky.header} validate={required} />}
            {current === 'cookie' && <TextField label="cookie name" path={[...here, 'stickySession', 'cookie', 'name']} value={rec(sticky.cookie).name} validate={required} />}
          </div>
        );
      })}
      <AddButton path={path} index={ports.length} value={{ port: 8080, trafficType: 'HTTP' }}>
        + port
      </AddButton>
    </div>
  );
}

function stickyDefault(key: StickyKey): Rec {
  if (key === 'header') return { header: 'x-session-hash' };
  if (key === 'cookie') return { cookie: { name: 'session' } };
  return { useSourceIp: true };
}

function RoutesSection({ title, path, value, subsets, http }: { title: string; path: YamlPath; value: unknown; subsets: string[]; http: boolean }) {
  const routes = list(value);
  const what = http ? 'HTTP route' : 'TCP route';
  return (
    <Section title={title}>
      {routes.map((route, i) => {
        const r = rec(route);
        const matches = list(r.match);
        const destinations = list(r.destination);
        const here = [...path, i];
        const percents = shares(destinations.map((d) => (typeof rec(d).weight === 'number' ? (rec(d).weight as number) : 0)));
        return (
          <div className="form-item" key={i}>
            <div className="form-item__head">
              <span>{what} {i + 1}</span>
              <ItemActions path={path} index={i} count={routes.length} what={what} />
            </div>
            <TextField label="name" path={[...here, 'name']} value={r.name} validate={required} />
            {matches.map((match, m) => (
              <div className="form-match" key={m}>
                {http && <TextField label={`match ${m + 1} uri prefix`} path={[...here, 'match', m, 'uri', 'prefix']} value={rec(rec(match).uri).prefix} validate={required} />}
                <NumberField label={`match ${m + 1} port`} path={[...here, 'match', m, 'port']} value={rec(match).port} min={1} max={65535} what="port" />
              </div>
            ))}
            <AddButton path={[...here, 'match']} index={matches.length} value={http ? { uri: { prefix: '/' } } : { port: 8080 }}>
              + match
            </AddButton>
            {destinations.map((d, j) => (
              <div className="form-item form-destination" key={j}>
                <div className="form-item__head">
                  <span>destination {j + 1}</span>
                  <ItemActions path={[...here, 'destination']} index={j} count={destinations.length} what="destination" />
                </div>
                <SelectField label="subset" path={[...here, 'destination', j, 'subset']} value={rec(d).subset} options={subsets} />
                <NumberField label="weight" path={[...here, 'destination', j, 'weight']} value={rec(d).weight} min={0} what="weight" hint={<output className="form-share">{Math.round(percents[j] ?? 0)}%</output>} />
              </div>
            ))}
            <AddButton path={[...here, 'destination']} index={destinations.length} value={{ subset: subsets[0] ?? 'v1', weight: 0 }}>
              + destination
            </AddButton>
          </div>
        );
      })}
      <AddButton path={path} index={routes.length} value={{ name: `${http ? 'http' : 'tcp'}-route-${routes.length + 1}`, match: [http ? { uri: { prefix: '/' } } : { port: 8080 }], destination: [{ subset: subsets[0] ?? 'v1', weight: 100 }] }}>
        + {what}
      </AddButton>
    </Section>
  );
}
