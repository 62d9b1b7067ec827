/** What the form refuses to write, with the message shown next to the field. Pure: unit-tested. */

/** A validator returns the reason a text is refused, or null when it may be written. */
export type Validator = (text: string) => string | null;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const required: Validator = (text) => (text.trim() === '' ? 'required' : null);

/** A DNS label (RFC 1123): what Kubernetes requires of a TSB subset or a port name. */
export const dnsLabel: Validator = (text) => {
  if (text === '') return 'required';
  if (text.length > 63) return 'at most 63 characters';
  if (!DNS_LABEL.test(text)) return 'not a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit';
  return null;
};

/** A DNS subdomain (dot-separated labels): what Kubernetes requires of `metadata.name`. */
export const dnsSubdomain: Validator = (text) => {
  if (text === '') return 'required';
  if (text.length > 253) return 'at most 253 characters';
  if (!text.split('.').every((label) => DNS_LABEL.test(label))) {
    return 'not a DNS name: lowercase letters, digits, "-" and ".", each part starting and ending with a letter or digit';
  }
  return null;
};

/** Why a tag now named `current` cannot be renamed `next` (among the names `taken`), or null. */
export function tagNameProblem(next: string, current: string, taken: readonly string[]): string | null {
  if (next === '') return 'a tag needs a name';
  if (next !== current && taken.includes(next)) return `there is a tag "${next}" already`;
  return null;
}

/** Parses a whole number within bounds, or says why not. */
export function parseInteger(text: string, { min, max, what }: { min: number; max?: number; what: string }): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: `a ${what} is required` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: `a ${what} is a number` };
  if (!Number.isInteger(value)) return { error: `a ${what} is a whole number` };
  if (value < min) return { error: min === 0 ? `a ${what} cannot be negative` : `a ${what} is at least ${min}` };
  if (max !== undefined && value > max) return { error: `a ${what} is at most ${max}` };
  return { value };
}

/** Share of each weight in percent (Kuma and TSB weights are relative); all zero gives zeros. */
export function shares(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + (b > 0 ? b : 0), 0);
  return weights.map((w) => (sum > 0 && w > 0 ? (100 * w) / sum : 0));
}
