/**
 * YAML syntax errors in words a person understands, each with a short hint, keeping the parser's own code
 * (`BAD_INDENT`...) in the message so it can still be looked up.
 */

interface Explanation {
  /** Matched against the parser's message. */
  when: RegExp;
  says: string;
  hint: string;
}

const EXPLANATIONS: Explanation[] = [
  { when: /Sequence item without - indicator/, says: 'this line is indented like a list item but has no "-"', hint: 'start it with "- ", or indent it like the keys of the item above' },
  { when: /All mapping items must start at the same column/, says: 'this key is not lined up with the keys above it', hint: 'indent it with exactly as many spaces as the other keys of its map' },
  { when: /Implicit map keys need to be followed by map values/, says: 'this line has a key or a word but no ":" after it', hint: 'write "key: value", or join it to the line above if it continues a value' },
  { when: /Implicit keys need to be on a single line/, says: 'a key runs over more than one line', hint: 'a ":" needs a space after it ("key: value"); check this line and the one above' },
  { when: /Nested mappings are not allowed in compact mappings/, says: 'a second "key:" on the same line as another', hint: 'put the inner key on its own line, indented under the first, or quote the value if the ":" belongs to it' },
  { when: /Tabs are not allowed as indentation/, says: 'this line is indented with a tab', hint: 'YAML indents with spaces only' },
  { when: /Map keys must be unique/, says: 'this key appears twice in the same map', hint: 'keep one of them' },
  { when: /Missing closing "?quote|Missing closing '/, says: 'a quoted value is never closed', hint: 'add the closing quote at the end of the value' },
  { when: /Flow sequence .*end with a \]/, says: 'a "[" list is not closed', hint: 'close it with "]" on the same line, or write the list with "- " items' },
  { when: /Flow mapping .*end with a \}/, says: 'a "{" map is not closed', hint: 'close it with "}", or write the map with one "key: value" per line' },
  { when: /Plain value cannot start with reserved character/, says: 'a value starts with a character YAML reserves (@ or `)', hint: 'put the value in quotes' },
  { when: /cannot start with a tab|Tabs/, says: 'a tab where YAML expects spaces', hint: 'replace the tab with spaces' },
  { when: /Merge sources must be maps or map aliases/, says: 'a "<<" merge key names something that is not a map', hint: 'merge only anchors of maps ("<<: *base" where &base is a map)' },
  { when: /Unresolved alias|Aliased anchor not found/, says: 'an alias "*name" has no matching anchor "&name" above it', hint: 'define the anchor first, or fix the alias name' },
  { when: /Source contains multiple documents/, says: 'several documents where one is expected', hint: 'separate documents with a line "---"' },
];

const BY_CODE: Record<string, Omit<Explanation, 'when'>> = {
  BAD_INDENT: { says: "this line's indentation does not fit the structure above it", hint: 'indent it with spaces to the level of the map or list it belongs to' },
  UNEXPECTED_TOKEN: { says: 'unexpected text here', hint: 'check the indentation and the ":" and "-" of this line and the line above' },
  MISSING_CHAR: { says: 'a character is missing here', hint: 'look for an unclosed quote or bracket, or a key without ":"' },
};

/** `this line is indented like a list item but has no "-" (BAD_INDENT: Sequence item without - indicator). Hint: ...` */
export function explainSyntaxError(code: string | undefined, message: string): string {
  const found = EXPLANATIONS.find((e) => e.when.test(message)) ?? (code ? BY_CODE[code] : undefined);
  if (!found) return code ? `${message} (${code})` : message;
  return `${found.says} (${code ? `${code}: ` : ''}${message}). Hint: ${found.hint}`;
}
