/**
 * Connection URLs safe to print: `postgres://app:***@db/prod`, `?password=***`. Every message and
 * report goes through `redact`, and driver messages are also scrubbed of the password itself.
 */
export function redactUrl(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]*)@/gi, (_match, scheme: string, userInfo: string) => {
      const colon = userInfo.indexOf(':');
      return colon === -1 ? `${scheme}${userInfo}@` : `${scheme}${userInfo.slice(0, colon)}:***@`;
    })
    .replace(/([?&](?:password|passwd|pwd)=)[^&#\s]*/gi, '$1***');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Removes a known secret (as written and URL-decoded) from any text, then redacts URLs in it. */
export function scrubSecret(text: string, secret: string | null): string {
  let out = redactUrl(text);
  if (!secret) return out;
  for (const spelling of new Set([secret, safeDecode(secret)])) {
    if (!spelling) continue;
    out = out.split(`:${spelling}@`).join(':***@');
    // A very short password is only removed where it sits in a URL, or every "a" would vanish.
    if (spelling.length >= 4) out = out.split(spelling).join('***');
  }
  return out;
}
