/** `{name}`, but not a path parameter such as `/users/{id}` in an endpoint. */
const PLACEHOLDER = /(?<!\/)\{([a-z][a-z_0-9]*)\}/g;

/**
 * Fills the placeholders a plan can answer in every string of the runbook (messages, scripts,
 * recovery plan); the rest are for whoever runs the rollback.
 */
export function fillPlaceholders<T>(value: T, values: Record<string, string>): T {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, values)])) as T;
  }
  return value;
}

/** At most this many places are listed per placeholder. */
const MAX_PLACES = 6;

/** Every `{placeholder}` left in a document, with the first few places it appears (`communication_templates[0].body`). */
export function openPlaceholders(document: unknown): { placeholder: string; used_in: string[] }[] {
  const found = new Map<string, string[]>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(PLACEHOLDER)) {
        const places = found.get(match[1]!) ?? [];
        if (!places.includes(path)) places.push(path);
        found.set(match[1]!, places);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(document, '');
  return [...found]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([placeholder, places]) => ({
      placeholder,
      used_in: places.length > MAX_PLACES ? [...places.slice(0, MAX_PLACES), `and ${places.length - MAX_PLACES} more`] : places,
    }));
}
