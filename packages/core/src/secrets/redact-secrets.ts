/*
 * One redactor for everything that may reach a user's terminal, a log or a report: connection
 * URLs, libpq keyword strings and secrets known from the environment. Every message and report
 * that names an input goes through it.
 */

const MASK = '***';

/** Query parameters and libpq keywords that carry a secret. */
const SECRET_KEYS = 'password|passwd|pwd|sslpassword|secret|token|access_token|api_key|apikey';

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]*)@/gi;
const QUERY_SECRET = new RegExp(`([?&](?:${SECRET_KEYS})=)[^&#\\s]*`, 'gi');
/** `password=secret`, `password = 'two words'` in a libpq keyword string (`host=db password=…`). */
const KEYWORD_SECRET = new RegExp(`(\\b(?:${SECRET_KEYS})\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^\\s'&]+)`, 'gi');

/** Environment variables whose values are secrets, by name. */
const SECRET_ENV = /^(PGPASSWORD|MYSQL_PWD|.*_(PASSWORD|PASSWD|SECRET|TOKEN))$/i;

/** A secret shorter than this is only masked where it sits in a URL, so `a` does not blank every `a`. */
const MIN_FREE_SECRET_LENGTH = 4;

export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  let out = text
    .replace(URL_USERINFO, (_match, scheme: string, userInfo: string) => {
      const colon = userInfo.indexOf(':');
      return colon === -1 ? `${scheme}${userInfo}@` : `${scheme}${userInfo.slice(0, colon)}:${MASK}@`;
    })
    .replace(QUERY_SECRET, `$1${MASK}`)
    .replace(KEYWORD_SECRET, (_match, key: string) => `${key}${MASK}`);
  for (const secret of secrets) {
    for (const spelling of new Set([secret, safeDecode(secret)])) {
      if (!spelling) continue;
      out = out.split(`:${spelling}@`).join(`:${MASK}@`);
      if (spelling.length >= MIN_FREE_SECRET_LENGTH) out = out.split(spelling).join(MASK);
    }
  }
  return out;
}

/** Secret values found in an environment (PGPASSWORD, *_PASSWORD, *_TOKEN, ...). */
export function secretsFromEnvironment(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_ENV.test(name) && value)
    .map(([, value]) => value!);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
