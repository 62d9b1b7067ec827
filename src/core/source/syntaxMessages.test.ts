import { describe, expect, it } from 'vitest';
import { parseSources } from './parse';

function syntaxMessages(text: string): string[] {
  return parseSources([{ name: 'f.yaml', text }]).diagnostics.filter((d) => d.code === 'YAML_SYNTAX').map((d) => `${d.line}: ${d.message}`);
}

describe('YAML syntax errors in plain words', () => {
  it('explains a list item without "-", keeping the parser code', () => {
    expect(syntaxMessages('to:\n  - a: 1\n  b\n')[0]).toMatch(/^3: this key is not lined up with the keys above it \(BAD_INDENT: All mapping items must start at the same column\)\. Hint: /);
  });

  it('explains common mistakes with a hint each', () => {
    expect(syntaxMessages('a:\n\tb: 1\n')[0]).toContain('this line is indented with a tab (TAB_AS_INDENT');
    expect(syntaxMessages('a: 1\na: 2\n')[0]).toContain('this key appears twice in the same map (DUPLICATE_KEY');
    expect(syntaxMessages('a: b: c\n')[0]).toContain('a second "key:" on the same line as another');
    expect(syntaxMessages('a: "abc\nb: 1\n')[0]).toContain('a quoted value is never closed');
    expect(syntaxMessages('a: 1\nb\nc: 2\n')[0]).toContain('this line has a key or a word but no ":" after it (MISSING_CHAR');
    for (const message of syntaxMessages('a: @b\nc: [1\n')) expect(message).toContain('Hint: ');
  });

  it('explains the sequence-item error', async () => {
    const { explainSyntaxError } = await import('./syntaxMessages');
    expect(explainSyntaxError('BAD_INDENT', 'Sequence item without - indicator')).toBe(
      'this line is indented like a list item but has no "-" (BAD_INDENT: Sequence item without - indicator). Hint: start it with "- ", or indent it like the keys of the item above',
    );
    expect(explainSyntaxError('SOMETHING_NEW', 'Strange thing')).toBe('Strange thing (SOMETHING_NEW)');
  });
});
