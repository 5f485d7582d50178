import type { EnumType } from '../schema/model.js';
import { enumSwap } from '../sql/enum-swap.js';
import { quoteQualifiedName } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

const labels = (values: readonly string[]) => values.map(quoteLiteral).join(', ');
const typeName = (type: EnumType) => quoteQualifiedName(type.schema, type.name);
/**
 * Labels replaced in place, as `ALTER TYPE … RENAME VALUE` leaves them: between the same two kept
 * labels (or the ends), one label removed and one added. Renamed, rows holding the old label
 * follow; dropped and added, they would block the change.
 */
export function renamedLabels(before: EnumType, after: EnumType): { from: string; to: string }[] {
  const kept = before.values.filter((v) => after.values.includes(v));
  // The labels of each gap between kept labels (gap k lies before kept[k]; the last one after them all).
  const gaps = (values: readonly string[]) => {
    const out: string[][] = [[]];
    for (const v of values)
      if (kept.includes(v)) out.push([]);
      else out[out.length - 1]!.push(v);
    return out;
  };
  const removed = gaps(before.values);
  const added = gaps(after.values);
  return removed.flatMap((gap, k) => (gap.length === 1 && added[k]?.length === 1 ? [{ from: gap[0]!, to: added[k]![0]! }] : []));
}

const labelsQuery = (type: EnumType) =>
  `SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) AS labels FROM pg_enum WHERE enumtypid = ${quoteLiteral(typeName(type))}::regtype;`;

export const enumRemoved = defineDatabaseRule({
  id: 'enum-removed',
  code: 'DB113',
  issueType: 'enum_removed',
  change: 'enum.removed',
  severity: 'breaking',
  title: 'Enum type removed',
  description: 'Columns, casts and functions that use the type fail, and DROP TYPE fails while a column still has it.',
  safeAlternative: 'Move every column off the type (to text with a CHECK, or a new type), then drop it in a later release.',
  classify: ({ details: { enum: type } }) => ({
    description: `Enum type '${type.key}' (${type.values.join(', ')}) has been removed`,
    impact: `Casts to ${type.key} and columns of that type stop working`,
    suggestedMigration: 'Move columns off the type first; drop it once nothing uses it',
    affectedOperations: ['SELECT', 'INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Drop enum type ${type.key}`,
      statements: [`DROP TYPE ${typeName(type)};`],
      rollback: [`CREATE TYPE ${typeName(type)} AS ENUM (${labels(type.values)});`],
      validation: `SELECT to_regtype(${quoteLiteral(typeName(type))}) IS NOT NULL AS still_present;`,
      lockTimeout: false,
    }),
  }),
});

export const enumAdded = defineDatabaseRule({
  id: 'enum-added',
  code: 'DB413',
  issueType: 'enum_added',
  change: 'enum.added',
  severity: 'additive',
  title: 'Enum type added',
  description: 'A new type changes nothing for existing clients.',
  safeAlternative: 'Create it before the columns that use it.',
  classify: ({ details: { enum: type } }) => ({
    description: `New enum type '${type.key}' (${type.values.join(', ')})`,
    impact: 'None for existing clients',
    suggestedMigration: 'Create the type before the columns that use it',
    affectedOperations: [],
    script: sqlScript({
      description: `Create enum type ${type.key}`,
      statements: [`CREATE TYPE ${typeName(type)} AS ENUM (${labels(type.values)});`],
      rollback: [`DROP TYPE ${typeName(type)};`],
      validation: labelsQuery(type),
      lockTimeout: false,
    }),
  }),
});

const renamedNote = (renames: readonly { from: string; to: string }[]) =>
  renames.length ? ` (renamed in place: ${renames.map((r) => `'${r.from}' → '${r.to}'`).join(', ')}; the script is ALTER TYPE … RENAME VALUE)` : '';

export const enumValueRemoved = defineDatabaseRule({
  id: 'enum-value-removed',
  code: 'DB114',
  issueType: 'enum_value_removed',
  change: 'enum.value_removed',
  severity: 'breaking',
  title: 'Enum value removed',
  description:
    'PostgreSQL cannot drop an enum label: the type is rebuilt and every column converted, which fails on rows holding the label; clients that write it get "invalid input value for enum".',
  safeAlternative:
    'Stop writing the value, update the rows that hold it, then swap in a new type without it (create, ALTER COLUMN … TYPE … USING, drop old) in a later release.',
  classify: ({ details: { before, after, values } }) => ({
    description: `Value(s) ${values.map((v) => `'${v}'`).join(', ')} removed from enum '${after.key}'${renamedNote(renamedLabels(before, after))}`,
    impact: 'Writes of the removed value fail; rows that hold it block the type change',
    suggestedMigration: `UPDATE rows that hold ${values.join(', ')} first, then rebuild the type without them`,
    affectedOperations: ['INSERT', 'UPDATE'],
  }),
});

export const enumValuesReordered = defineDatabaseRule({
  id: 'enum-values-reordered',
  code: 'DB115',
  issueType: 'enum_values_reordered',
  change: 'enum.values_reordered',
  severity: 'potentially_breaking',
  title: 'Enum values reordered',
  description:
    'An enum sorts and compares by its declared order: ORDER BY, <, > and indexes on the column change meaning, and PostgreSQL can only reorder by rebuilding the type.',
  safeAlternative: 'Keep the order; add new values with ADD VALUE … BEFORE/AFTER where they belong.',
  classify: ({ details: { before, after } }) => ({
    description: `Values of enum '${after.key}' reordered: (${before.values.join(', ')}) → (${after.values.join(', ')})`,
    impact: 'Sorting and range comparisons on columns of this type give different results',
    suggestedMigration: 'Keep the existing order, or rebuild the type and review every ORDER BY and comparison on it',
    affectedOperations: ['SELECT'],
  }),
});

export const enumValueAdded = defineDatabaseRule({
  id: 'enum-value-added',
  code: 'DB414',
  issueType: 'enum_value_added',
  change: 'enum.value_added',
  severity: 'additive',
  title: 'Enum value added',
  description:
    'ALTER TYPE … ADD VALUE is cheap and existing values keep working; clients that map every value (exhaustive switches) must learn the new one before it is written.',
  safeAlternative:
    'Add the value, deploy readers that understand it, then start writing it. Before PostgreSQL 12 ADD VALUE cannot run inside a transaction block.',
  classify: ({ details: { before, after, values } }, context) => {
    const renames = renamedLabels(before, after);
    const added = values.filter((v) => !renames.some((r) => r.to === v));
    // A rename is undone by renaming back; labels truly added by the type swap (after renaming back, so rows keep theirs).
    const renamed = (from: string, to: string) => `ALTER TYPE ${typeName(after)} RENAME VALUE ${quoteLiteral(from)} TO ${quoteLiteral(to)};`;
    const afterRenamedBack = { ...after, values: after.values.map((v) => renames.find((r) => r.to === v)?.from ?? v) };
    const statements = added.map((value) => {
      const at = after.values.indexOf(value);
      const next = after.values.slice(at + 1).find((v) => before.values.includes(v));
      return `ALTER TYPE ${typeName(after)} ADD VALUE IF NOT EXISTS ${quoteLiteral(value)}${next ? ` BEFORE ${quoteLiteral(next)}` : ''};`;
    });
    return {
      description: `Value(s) ${values.map((v) => `'${v}'`).join(', ')} added to enum '${after.key}'`,
      impact: 'None for existing rows; readers must handle the new value before writers use it',
      suggestedMigration: 'Add the value and deploy readers before writers',
      affectedOperations: [],
      script: sqlScript({
        description: `Add value(s) to enum ${after.key}`,
        statements: [...renames.map((r) => renamed(r.from, r.to)), ...statements],
        rollback: [
          ...renames.map((r) => renamed(r.to, r.from)),
          ...(added.length ? enumSwap(afterRenamedBack, before.values, context.after, context.before) : []),
        ],
        validation: labelsQuery(after),
        lockTimeout: false,
      }),
    };
  },
});
