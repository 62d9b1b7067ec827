/**
 * What the page needs to know of share links before it loads their codec (`shareLink.ts`, with its compression
 * library): whether a fragment is one, and how long one may be.
 */
export const SHARE_PREFIX = '#w=';
/** Browsers accept URLs of about 2 MB; a longer link would be cut somewhere on its way. */
export const MAX_LINK_CHARS = 2_000_000;

/** True when the fragment is a shared workspace (whether or not it reads). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** The codec, loaded when a link is made or opened: most visits do neither. */
export const loadShareLink = () => import('./shareLink');
