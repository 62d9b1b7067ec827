/**
 * The parsed tree Route Studio locates nodes in: every node's span, and for mappings their keys. It comes from
 * js-yaml's event stream (`parseEvents`, which carries source offsets) on the fast path, or from a `yaml` Document
 * when a document needs `yaml`'s precise error reporting.
 */
import { EVENT_ID, getScalarValue, type Event } from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

export interface PositionNode {
  kind: 'map' | 'seq' | 'scalar';
  /** Offsets in the chunk: the first character, and one past the last. */
  start: number;
  end: number;
  /** A mapping's keys and values alternate (`[k0, v0, k1, v1, ...]`); a sequence's items in order. */
  items: PositionNode[];
  /** A scalar's text as a key compares it (`kind`, `kuma.io/service`). */
  text?: string;
}

const QUOTED = new Set([2, 3]); // single- and double-quoted: the event's range leaves the quotes out
const FLOW = 2;

/** One past the `}` or `]` that follows `from` (across spaces, line breaks and a trailing comma). */
function closingBracket(source: string, from: number): number {
  let i = from;
  while (i < source.length && ' \t\r\n,'.includes(source[i] as string)) i++;
  return source[i] === '}' || source[i] === ']' ? i + 1 : from;
}

/** One tree per document of the event stream. */
export function positionsFromEvents(events: readonly Event[], source: string): PositionNode[] {
  const roots: PositionNode[] = [];
  const stack: PositionNode[] = [];
  const flow: boolean[] = [];
  const add = (node: PositionNode) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.items.push(node);
    else roots.push(node);
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: PositionNode = { kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq', start: event.start, end: event.start + 1, items: [] };
        add(node);
        stack.push(node);
        flow.push(event.style === FLOW);
        break;
      }
      case EVENT_ID.SCALAR: {
        const quoted = QUOTED.has(event.style) ? 1 : 0;
        const parent = stack[stack.length - 1];
        const isKey = parent?.kind === 'map' && parent.items.length % 2 === 0;
        // An empty value (`spec:` with nothing after it) has no offsets: it stands where its key or siblings end.
        const empty = event.valueStart < 0;
        const at = parent?.items[parent.items.length - 1]?.end ?? parent?.start ?? 0;
        const start = empty ? at : event.valueStart - quoted;
        const end = empty ? at : event.valueEnd + quoted;
        add({ kind: 'scalar', start, end, items: [], ...(isKey ? { text: getScalarValue(source, event) } : {}) });
        break;
      }
      case EVENT_ID.ALIAS:
        add({ kind: 'scalar', start: event.anchorStart - 1, end: event.anchorEnd, items: [] });
        break;
      case EVENT_ID.POP: {
        const node = stack.pop();
        const last = node?.items[node.items.length - 1];
        if (node && last) node.end = Math.max(node.end, last.end);
        // Events give a collection its start only; a flow collection ends at its closing bracket.
        if (node && flow.pop()) node.end = closingBracket(source, node.end);
        const parent = stack[stack.length - 1];
        if (parent && node) parent.end = Math.max(parent.end, node.end);
        break;
      }
      default:
        break; // DOCUMENT: documents are the roots
    }
  }
  return roots;
}

/** The same tree from a `yaml` Document (the path taken when a document needed `yaml`'s own parse). */
export function positionsFromYaml(doc: Document.Parsed): PositionNode | null {
  return convert(doc.contents);
}

function convert(node: unknown): PositionNode | null {
  if (!isScalar(node) && !isMap(node) && !isSeq(node) && !isAlias(node)) return null;
  const [start, end] = (node as YamlNode).range ?? [0, 0];
  if (isMap(node)) {
    const items = node.items.flatMap((pair) => {
      if (!isPair(pair)) return [];
      const key = convert(pair.key) ?? { kind: 'scalar' as const, start, end: start, items: [] };
      if (isScalar(pair.key)) key.text = String(pair.key.value);
      return [key, convert(pair.value) ?? { kind: 'scalar' as const, start: key.end, end: key.end, items: [] }];
    });
    return { kind: 'map', start, end, items };
  }
  if (isSeq(node)) return { kind: 'seq', start, end, items: node.items.map((item) => convert(item) ?? { kind: 'scalar', start, end: start, items: [] }) };
  return { kind: 'scalar', start, end, items: [] };
}
