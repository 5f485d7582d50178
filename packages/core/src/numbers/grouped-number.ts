/**
 * `n.toLocaleString('en-US', { maximumFractionDigits })`, written out: digits grouped by threes
 * with commas, at most `maximumFractionDigits` decimals rounded half away from zero, trailing
 * zeros dropped. Why: the first `toLocaleString` of a process loads ICU's number formatting,
 * ~30 ms of CPU, and a `plan` called it for one row count. Rounds the shortest decimal that
 * reads back as `n` (what ICU rounds, not the double's exact binary value), so the text is the
 * same byte for byte (a property test compares them).
 */
export function groupedNumber(n: number, maximumFractionDigits = 3): string {
  if (!Number.isFinite(n)) return n.toLocaleString('en-US', { maximumFractionDigits });
  const [mantissa = '0', exponent = '0'] = Math.abs(n).toString().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  // Where the decimal point falls in `digits`, padded with zeros on either side.
  let point = whole.length + Number(exponent);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const keep = point + maximumFractionDigits;
  if (digits.length > keep) {
    const roundsUp = digits.charCodeAt(keep) >= 53; // '5' or more: half away from zero
    digits = digits.slice(0, keep);
    if (roundsUp) {
      const bumped = (BigInt(`0${digits}`) + 1n).toString().padStart(keep, '0');
      point += bumped.length - keep;
      digits = bumped;
    }
  }
  const integer = (digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = digits.slice(point).replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${integer}${decimals ? `.${decimals}` : ''}`;
}
