/**
 * A connection URL safe to print: the password becomes `***` (`postgres://app:***@db:5432/prod`),
 * in the user-info part and in a `password=` query parameter alike. Works on text that is not a
 * valid URL too, since that is exactly when an error message is about to quote it.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i, (_match, scheme: string, userInfo: string) => {
      const colon = userInfo.indexOf(':');
      return colon === -1 ? `${scheme}${userInfo}@` : `${scheme}${userInfo.slice(0, colon)}:***@`;
    })
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/**
 * Removes a secret (as written and URL-decoded) from a message, for driver errors that might
 * quote the connection string back. A very short secret is only removed where it sits in a URL
 * (`:secret@`), so that a one-letter password does not blank out every such letter.
 */
export function scrubSecret(message: string, secret: string | null): string {
  if (!secret) return message;
  let out = redactUrl(message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => redactUrl(url)));
  for (const spelling of new Set([secret, safeDecode(secret)])) {
    if (!spelling) continue;
    out = out.split(`:${spelling}@`).join(':***@');
    if (spelling.length >= 4) out = out.split(spelling).join('***');
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
