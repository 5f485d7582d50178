/** `GET /api/v1/users/{id}` split into method and path. */
export interface Endpoint {
  text: string;
  method: string;
  path: string;
}

export function parseEndpoint(text: string): Endpoint {
  const [method, ...rest] = text.trim().split(/\s+/);
  return { text: text.trim(), method: method!.toUpperCase(), path: rest.join(' ') };
}

/** The path without its version segment: `/api/v1/users/{id}` → `/api/users/{id}`. */
function unversioned(path: string): string {
  return path.replace(/\/v\d+(?=\/|$)/i, '');
}

function lastLiteral(path: string): string | null {
  return (
    path
      .split('/')
      .filter((s) => s && !s.startsWith('{') && !/^v\d+$/i.test(s))
      .at(-1) ?? null
  );
}

export interface EndpointRoute {
  legacy: Endpoint;
  /** Its counterpart in the new service, or null when none matches. */
  replacement: Endpoint | null;
}

/**
 * Pairs each legacy endpoint with the new service's: same method and the same path once the
 * version segment is dropped (`/api/v1/users/{id}` ↔ `/api/v2/users/{id}`), else the same method
 * and last literal segment (`POST /api/v1/users/login` ↔ `POST /api/v2/auth/login`).
 */
export function mapEndpoints(legacy: string[], replacement: string[]): EndpointRoute[] {
  const candidates = replacement.map(parseEndpoint);
  const used = new Set<Endpoint>();
  return legacy.map(parseEndpoint).map((old) => {
    const same = candidates.find((c) => !used.has(c) && c.method === old.method && unversioned(c.path) === unversioned(old.path));
    const similar =
      same ?? candidates.find((c) => !used.has(c) && c.method === old.method && lastLiteral(c.path) !== null && lastLiteral(c.path) === lastLiteral(old.path));
    if (similar) used.add(similar);
    return { legacy: old, replacement: similar ?? null };
  });
}
