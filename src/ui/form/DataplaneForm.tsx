/** The basics of a Kuma Dataplane: name, mesh, address and each inbound's port and service tags. */
import { TagsEditor } from './TagsEditor';
import { NumberField, Section, TextField } from './fields';
import { dnsSubdomain, required } from './validation';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});

export function DataplaneForm({ doc }: { doc: Rec }) {
  const universal = doc.kind === undefined;
  const networkingPath = universal ? ['networking'] : ['spec', 'networking'];
  const networking = rec(universal ? doc.networking : rec(doc.spec).networking);
  const inbound = Array.isArray(networking.inbound) ? networking.inbound : [];
  return (
    <>
      <Section title="Dataplane">
        {universal ? (
          <TextField label="name" path={['name']} value={doc.name} validate={required} />
        ) : (
          <TextField label="name" path={['metadata', 'name']} value={rec(doc.metadata).name} validate={dnsSubdomain} />
        )}
        <TextField label="mesh" path={['mesh']} value={doc.mesh} validate={required} />
        <TextField label="address" path={[...networkingPath, 'address']} value={networking.address} validate={required} />
      </Section>
      {inbound.map((entry, i) => (
        <Section key={i} title={`Inbound ${i + 1}`}>
          <NumberField label="port" path={[...networkingPath, 'inbound', i, 'port']} value={rec(entry).port} min={1} max={65535} what="port" />
          <TagsEditor path={[...networkingPath, 'inbound', i, 'tags']} value={rec(entry).tags} />
        </Section>
      ))}
    </>
  );
}
