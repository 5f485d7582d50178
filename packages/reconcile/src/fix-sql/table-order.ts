/**
 * Orders tables so that every table comes after the tables it references by foreign key
 * (parents first): inserts run in this order, deletes in the reverse. Tables in a reference cycle
 * keep their given order after the others and are returned in `cyclic`.
 */
export function parentsFirst<T>(tables: T[], nameOf: (t: T) => string, referencesOf: (t: T) => string[]): { ordered: T[]; cyclic: T[] } {
  const key = (name: string) => name.toLowerCase();
  const byName = new Map(tables.map((t) => [key(nameOf(t)), t]));
  const ordered: T[] = [];
  const placed = new Set<T>();
  const visiting = new Set<T>();
  const cyclic: T[] = [];
  const visit = (table: T): boolean => {
    if (placed.has(table)) return true;
    if (visiting.has(table)) return false;
    visiting.add(table);
    let ok = true;
    for (const parent of referencesOf(table)) {
      const p = byName.get(key(parent));
      if (p && p !== table && !visit(p)) ok = false;
    }
    visiting.delete(table);
    if (!ok) return false;
    placed.add(table);
    ordered.push(table);
    return true;
  };
  for (const table of tables) if (!visit(table) && !cyclic.includes(table)) cyclic.push(table);
  for (const table of tables) if (!placed.has(table) && !cyclic.includes(table)) cyclic.push(table);
  return { ordered: [...ordered, ...cyclic], cyclic };
}
