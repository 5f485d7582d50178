/**
 * A row as one unambiguous text: NULL is `N`, a value is `V<utf-8 byte length>:<text>`. No
 * separator can be forged by a value and no string can look like NULL, unlike data-diff's
 * `<null>` marker and `|` join (fields `a|b`,`c` and `a`,`b|c` hash alike there).
 */
export function encodeFields(values: readonly (string | null)[]): string {
  let out = '';
  for (const value of values) out += value === null ? 'N' : `V${Buffer.byteLength(value, 'utf8')}:${value}`;
  return out;
}
