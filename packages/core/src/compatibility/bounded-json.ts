/**
 * `JSON.stringify(value, null, 2)`, but only as far as the first `limit` characters: the report
 * keeps a 500-character preview of each schema, and serializing a 40,000-column model to keep 500
 * characters was a measurable share of `check`.
 */
export function boundedJson(value: unknown, limit: number): { text: string; truncated: boolean } {
  let out = '';
  const stop = Symbol('stop');
  const write = (s: string) => {
    out += s;
    if (out.length > limit) throw stop;
  };
  const visit = (v: unknown, indent: string): void => {
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') {
      write(JSON.stringify(v) ?? 'null');
      return;
    }
    if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      visit((v as { toJSON: () => unknown }).toJSON(), indent);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return write('[]');
      write('[');
      v.forEach((item, i) => {
        write(`${i ? ',' : ''}\n${inner}`);
        visit(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner);
      });
      return write(`\n${indent}]`);
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
      if (entries.length === 0) return write('{}');
      write('{');
      entries.forEach(([key, x], i) => {
        write(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
        visit(x, inner);
      });
      return write(`\n${indent}}`);
    }
    write('null');
  };
  try {
    visit(value, '');
    return { text: out, truncated: false };
  } catch (error) {
    if (error !== stop) throw error;
    return { text: out.slice(0, limit), truncated: true };
  }
}
