/**
 * A workspace in a URL fragment: `#w=` + base64url(deflate(JSON)). The fragment never reaches a server (browsers do
 * not send it), so sharing a link uploads nothing. Pure functions: no DOM, no store.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { isShareFragment, MAX_LINK_CHARS, SHARE_PREFIX } from './shareFragment';
import type { DocumentState } from './studioStore';

export { isShareFragment, MAX_LINK_CHARS, SHARE_PREFIX };
/** What a link may unpack to (a deflate bomb must not freeze the tab). */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
const LINK_FORMAT = 1;

interface SharedWorkspace {
  v: number;
  files: { name: string; text: string }[];
  active: string;
}

export type DecodedLink = { ok: true; document: DocumentState } | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (`#w=...`) holding the whole workspace. */
export function encodeWorkspace(document: DocumentState): string {
  const shared: SharedWorkspace = { v: LINK_FORMAT, files: document.files.map((f) => ({ name: f.name, text: f.text })), active: document.activeFile };
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 }));
}

/** Reads a fragment made by `encodeWorkspace`. Never throws: a damaged link is a reason. */
export function decodeWorkspace(hash: string): DecodedLink {
  if (!isShareFragment(hash)) return { ok: false, reason: 'the link holds no workspace' };
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_LINK_CHARS) return { ok: false, reason: `the link is too large (${payload.length.toLocaleString('en')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en')})` };
  let json: string;
  try {
    const packed = fromBase64Url(payload);
    let unpacked = 0;
    const chunks: Uint8Array[] = [];
    // Streamed, so an oversized payload is refused before it is all in memory.
    const inflater = new Inflate((chunk) => {
      unpacked += chunk.length;
      if (unpacked > MAX_UNPACKED_BYTES) throw new RangeError('too large');
      chunks.push(chunk);
    });
    inflater.push(packed, true);
    const all = new Uint8Array(unpacked);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    json = strFromU8(all);
  } catch (error) {
    if (error instanceof RangeError && error.message === 'too large') return { ok: false, reason: `the workspace in the link is larger than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB` };
    return { ok: false, reason: 'the link is damaged (it does not unpack): was it copied whole?' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the link is damaged (its content is not a workspace)' };
  }
  return readShared(value);
}

function readShared(value: unknown): DecodedLink {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'the link is damaged (its content is not a workspace)' };
  const { v, files, active } = value as Partial<SharedWorkspace>;
  if (typeof v !== 'number' || v > LINK_FORMAT) return { ok: false, reason: 'the link was made by a newer Route Studio' };
  if (!Array.isArray(files) || files.length === 0 || !files.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string' && typeof (f as { text?: unknown }).text === 'string')) {
    return { ok: false, reason: 'the link is damaged (it lists no files)' };
  }
  const clean = files.map((f) => ({ name: f.name, text: f.text }));
  const activeFile = typeof active === 'string' && clean.some((f) => f.name === active) ? active : (clean[0]?.name ?? '');
  return { ok: true, document: { files: clean, activeFile } };
}
