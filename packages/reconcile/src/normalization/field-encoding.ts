/**
 * A row as one unambiguous text: NULL is `N`, a value is `V<utf-8 byte length>:<text>`. No
 * separator can be forged by a value and no string can look like NULL, unlike data-diff's
 * `<null>` marker and `|` join (fields `a|b`,`c` and `a`,`b|c` hash alike there).
 */
const NON_ASCII = /[^\x00-\x7f]/;

export function encodeFields(values: readonly (string | null)[]): string {
  let out = '';
  for (const value of values) {
    if (value === null) out += 'N';
    // ASCII text (most values) has as many bytes as characters: no UTF-8 measuring needed.
    else out += `V${NON_ASCII.test(value) ? Buffer.byteLength(value, 'utf8') : value.length}:${value}`;
  }
  return out;
}
