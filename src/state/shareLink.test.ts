import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeWorkspace, encodeWorkspace, MAX_LINK_CHARS, SHARE_PREFIX } from './shareLink';

const workspace = {
  files: [
    { name: 'a.yaml', text: 'kind: MeshTCPRoute # é ✓\n' },
    { name: 'b (2).yaml', text: '' },
  ],
  activeFile: 'b (2).yaml',
};

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
  it('round-trips a workspace exactly, in URL-safe characters', () => {
    const fragment = encodeWorkspace(workspace);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeWorkspace(fragment)).toEqual({ ok: true, document: workspace });
  });

  it('compresses: a repetitive mesh gives a much shorter link than its text', () => {
    const text = 'type: Dataplane\nmesh: default\n---\n'.repeat(2000);
    expect(encodeWorkspace({ files: [{ name: 'x.yaml', text }], activeFile: 'x.yaml' }).length).toBeLessThan(text.length / 20);
  });

  it('says why a damaged, foreign or oversized link cannot be opened', () => {
    const fragment = encodeWorkspace(workspace);
    expect(decodeWorkspace(fragment.slice(0, -12))).toMatchObject({ ok: false, reason: expect.stringContaining('damaged') as string });
    expect(decodeWorkspace(`${SHARE_PREFIX}%%%`)).toMatchObject({ ok: false });
    expect(decodeWorkspace('#other')).toEqual({ ok: false, reason: 'the link holds no workspace' });
    expect(decodeWorkspace(SHARE_PREFIX + 'A'.repeat(MAX_LINK_CHARS + 1))).toMatchObject({ ok: false, reason: expect.stringContaining('too large') as string });
    const notAWorkspace = SHARE_PREFIX + base64url(deflateSync(strToU8(JSON.stringify({ v: 1, files: [] }))));
    expect(decodeWorkspace(notAWorkspace)).toEqual({ ok: false, reason: 'the link is damaged (it lists no files)' });
    const newer = SHARE_PREFIX + base64url(deflateSync(strToU8(JSON.stringify({ v: 99, files: workspace.files, active: 'a.yaml' }))));
    expect(decodeWorkspace(newer)).toEqual({ ok: false, reason: 'the link was made by a newer Route Studio' });
  });

  it('refuses a link that unpacks to more than it allows (a deflate bomb)', () => {
    const bomb = SHARE_PREFIX + base64url(deflateSync(new Uint8Array(21 * 1024 * 1024), { level: 1 }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeWorkspace(bomb)).toMatchObject({ ok: false, reason: expect.stringContaining('larger than') as string });
  }, 30_000);
});
