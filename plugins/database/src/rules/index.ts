import { checkAdded, checkModified, checkRemoved } from './check-rules.js';
import { commentChanged, relationCommentChanged } from './column-comment-rules.js';
import { partitionMembershipChanged } from './partition-rules.js';
import { defaultChanged, requiredColumnDefaultRemoved } from './column-default-rules.js';
import { columnAdded, columnAddedWithTableRewrite, columnRemoved, requiredColumnAdded } from './column-existence-rules.js';
import { identityChanged, identityRemoved, identityRestricted } from './column-identity-rules.js';
import { nullabilityRelaxed, nullabilityRestriction } from './column-nullability-rules.js';
import { incompatibleTypeChange, lengthIncrease, lengthReduction, riskyTypeChange, typeWidened } from './column-type-rules.js';
import type { RuleOutcome } from '@migration-architect/core';
import type { DatabaseChange, TablePair } from '../schema/changes.js';
import type { Column, QualifiedName } from '../schema/model.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { describeColumnType } from '../schema/column-type.js';
import { diffViews } from '../schema/view-diff.js';
import { diffConstraints } from '../schema/constraint-diff.js';
import { diffIndexes } from '../schema/index-diff.js';
import { referencedIdentifiers } from '../sql/expression.js';
import { viewsUsingColumn } from '../sql/dependent-views.js';
import type { DatabaseRule, DatabaseRuleContext } from './database-rule.js';
import { forDialect } from './dialect-scripts.js';
import { modelRuleExample } from './examples/model-rule-examples.js';
import { ruleExample } from './examples/rule-examples.js';
import { foreignKeyAdded, foreignKeyModified, foreignKeyRemoved } from './foreign-key-rules.js';
import { indexAdded, indexChanged, indexMadeUnique, indexRemoved, uniqueIndexAdded } from './index-rules.js';
import { primaryKeyAdded, primaryKeyModified, primaryKeyRemoved } from './primary-key-rules.js';
import { routineAdded, routineDefinitionChanged, routineRemoved, routineSignatureChanged } from './routine-rules.js';
import { tableAdded, tableRemoved } from './table-rules.js';
import { enumAdded, enumRemoved, enumValueAdded, enumValueRemoved, enumValuesReordered } from './enum-rules.js';
import { exclusionAdded, exclusionRemoved } from './exclusion-rules.js';
import {
  domainAdded,
  domainCheckAdded,
  domainCheckRemoved,
  domainCheckValidated,
  domainDefaultChanged,
  domainNotNullAdded,
  domainNotNullDropped,
  domainRemoved,
  domainTypeChanged,
} from './domain-rules.js';
import {
  concurrentlyInTransaction,
  indexNotConcurrent,
  missingLockTimeout,
  notRerunnable,
  enumValueUnpositioned,
  reindexNotConcurrent,
  statementRuleExamples,
  unusedSuppression,
  validatesUnderLock,
} from './statement-rules.js';
import { createExtensionDescription, extensionAdded, extensionChanged, extensionRemoved } from './extension-rules.js';
import { columnPossiblyRenamed, columnRenamed, tablePossiblyRenamed, tableRenamed } from './rename-rules.js';
import { schemaAdded, schemaRemoved } from './schema-rules.js';
import { sequenceAdded, sequenceRemoved } from './sequence-rules.js';
import { triggerAdded, triggerChanged, triggerRemoved } from './trigger-rules.js';
import { uniqueAdded, uniqueModified, uniqueRemoved } from './unique-rules.js';
import { addColumnDescription, createTableDescription } from './migration-script.js';
import { beforeTableOf, columnRenameScript, tableDependencies } from './declared-renames.js';
import { viewAdded, viewColumnsAdded, viewColumnsRemoved, viewColumnsReordered, viewDefinitionChanged, viewRemoved } from './view-rules.js';

/**
 * Every rule of the database checker. For one change kind the first rule whose `when` matches
 * classifies it, so narrower rules come before the catch-all of their kind (which has no `when`).
 */
const rulesWithoutExamples: DatabaseRule[] = [
  tableRemoved,
  tableAdded,
  columnRemoved,
  requiredColumnAdded,
  columnAddedWithTableRewrite,
  columnAdded,
  incompatibleTypeChange,
  riskyTypeChange,
  typeWidened,
  lengthReduction,
  lengthIncrease,
  nullabilityRestriction,
  nullabilityRelaxed,
  requiredColumnDefaultRemoved,
  defaultChanged,
  identityRemoved,
  identityRestricted,
  identityChanged,
  commentChanged,
  relationCommentChanged,
  primaryKeyAdded,
  primaryKeyRemoved,
  primaryKeyModified,
  uniqueAdded,
  uniqueRemoved,
  uniqueModified,
  foreignKeyAdded,
  foreignKeyRemoved,
  foreignKeyModified,
  checkAdded,
  checkRemoved,
  checkModified,
  uniqueIndexAdded,
  indexAdded,
  indexRemoved,
  indexMadeUnique,
  indexChanged,
  viewRemoved,
  viewAdded,
  viewColumnsRemoved,
  viewColumnsReordered,
  viewColumnsAdded,
  viewDefinitionChanged,
  routineRemoved,
  routineAdded,
  routineSignatureChanged,
  routineDefinitionChanged,
  schemaRemoved,
  schemaAdded,
  tableRenamed,
  partitionMembershipChanged,
  columnRenamed,
  tablePossiblyRenamed,
  columnPossiblyRenamed,
  enumRemoved,
  enumAdded,
  enumValueRemoved,
  enumValuesReordered,
  enumValueAdded,
  domainRemoved,
  domainAdded,
  domainTypeChanged,
  domainDefaultChanged,
  domainNotNullAdded,
  domainNotNullDropped,
  domainCheckAdded,
  domainCheckRemoved,
  domainCheckValidated,
  sequenceRemoved,
  sequenceAdded,
  triggerRemoved,
  triggerAdded,
  triggerChanged,
  exclusionAdded,
  exclusionRemoved,
  extensionRemoved,
  extensionAdded,
  extensionChanged,
  indexNotConcurrent,
  concurrentlyInTransaction,
  missingLockTimeout,
  validatesUnderLock,
  notRerunnable,
  enumValueUnpositioned,
  reindexNotConcurrent,
  unusedSuppression,
];

/**
 * Extensions added in the same change set come first: a new column, index or function may use
 * their types, operator classes or functions, so every other script lists them as dependencies.
 */
function withExtensionDependencies(outcome: RuleOutcome, kind: string, context: DatabaseRuleContext): RuleOutcome {
  if (!outcome.script || kind.startsWith('extension.')) return outcome;
  const before = new Set((context.before.extensions ?? []).map((e) => e.name));
  const added = (context.after.extensions ?? []).filter((e) => !before.has(e.name)).map((e) => createExtensionDescription(e.name));
  if (added.length === 0) return outcome;
  return { ...outcome, script: { ...outcome.script, dependencies: [...new Set([...added, ...outcome.script.dependencies])] } };
}

/** Columns a constraint or index change uses, with the table pair it is on. */
function columnsUsed(change: DatabaseChange): { tables: TablePair; columns: string[] } | null {
  const details = change.details as Record<string, unknown>;
  const tables = details['tables'] as TablePair | undefined;
  if (!tables || !(change.kind.startsWith('constraint.') || change.kind.startsWith('index.'))) return null;
  const objects = [details['before'], details['after'], details['index']].filter(Boolean) as { columns?: string[] }[];
  return { tables, columns: [...new Set(objects.flatMap((o) => o.columns ?? []))] };
}

/** The script the report makes for a column's type change (none when the type is the same), found by classifying it as the report does. */
function typeChangeScript(tables: TablePair, before: Column, after: Column, context: DatabaseRuleContext): string | undefined {
  return typeChangeOutcome(tables, before, after, context)?.script?.description;
}

function typeChangeOutcome(tables: TablePair, before: Column, after: Column, context: DatabaseRuleContext): RuleOutcome | undefined {
  if (describeColumnType(before.type) === describeColumnType(after.type)) return undefined;
  // The kind the diff reports for it (column-diff.ts): a length alone is a length change.
  const kind =
    before.type.name === after.type.name &&
    before.type.arrayDimensions === after.type.arrayDimensions &&
    before.type.precision === after.type.precision &&
    before.type.scale === after.type.scale
      ? 'column.length_changed'
      : 'column.type_changed';
  const typeChange = { kind, path: '', subject: '', details: { tables, before, after } } as unknown as DatabaseChange;
  const rule = rulesWithoutExamples.find((r) => r.change === kind && (!r.when || r.when(typeChange, context)));
  return rule?.classify(typeChange, context);
}

/**
 * A domain or enum type is dropped once no column has it: its drop waits for the scripts that move
 * each column of that type off it (a type change) or drop it. When one of them waits for a value
 * only the user knows, the drop waits too, instead of failing on "other objects depend on it".
 */
function withTypeUserDependencies(outcome: RuleOutcome, change: DatabaseChange, context: DatabaseRuleContext): RuleOutcome {
  if (!outcome.script || (change.kind !== 'domain.removed' && change.kind !== 'enum.removed')) return outcome;
  const details = change.details as Record<string, unknown>;
  const type = (details['domain'] ?? details['enum']) as QualifiedName & { key: string };
  const names = new Set([type.name, type.key, `${type.schema ?? 'public'}.${type.name}`]);
  const needed = context.before.tables.flatMap((table) => {
    const next = context.after.tables.find((t) => objectIdentity(t) === objectIdentity(table));
    return table.columns
      .filter((c) => names.has(c.type.name))
      .flatMap((column) => {
        const after = next?.columns.find((c) => c.name === column.name);
        // A partition's columns are its parent's, changed (and scripted) on the parent; a table the change drops goes after the type anyway.
        if (!next || table.partitionOf || next.partitionOf) return [];
        if (!after) return [`Drop column ${column.name} from table ${table.key}`];
        // A rewriting change keeps the old values in `<column>_old`, of the old type, until its contract step: the drop waits for that too.
        const moved = typeChangeOutcome({ before: table, after: next }, column, after, context);
        return [moved?.script?.description, moved?.contractScript?.description].filter((d): d is string => d !== undefined);
      });
  });
  if (needed.length === 0) return outcome;
  return { ...outcome, script: { ...outcome.script, dependencies: [...new Set([...outcome.script.dependencies, ...needed])] } };
}

/**
 * A constraint or index on a column whose type changes in the same change set (a foreign key
 * that follows a bigint → uuid change) can only be built after the column is converted: its
 * script depends on the conversion's, found by classifying that type change as the report does.
 */
function withTypeChangeDependencies(outcome: RuleOutcome, change: DatabaseChange, context: DatabaseRuleContext): RuleOutcome {
  const used = outcome.script ? columnsUsed(change) : null;
  if (!used || !outcome.script) return outcome;
  const needed = used.columns.flatMap((name) => {
    const before = used.tables.before.columns.find((c) => c.name === name);
    const after = used.tables.after.columns.find((c) => c.name === name);
    const description = before && after ? typeChangeScript(used.tables, before, after, context) : undefined;
    return description ? [description] : [];
  });
  if (needed.length === 0) return outcome;
  return { ...outcome, script: { ...outcome.script, dependencies: [...new Set([...outcome.script.dependencies, ...needed])] } };
}

/**
 * A view (re)created over tables or columns added in the same change set can only be built once
 * they exist: its script depends on theirs. A column renamed without `--rename` is one of these (dropped and
 * added), and the view must also be replaced before the old column is dropped, which the diff's
 * order already gives.
 */
function withViewColumnDependencies(outcome: RuleOutcome, change: DatabaseChange, context: DatabaseRuleContext): RuleOutcome {
  const details = change.details as Record<string, unknown>;
  const view = (details['after'] ?? details['view']) as { definition?: unknown } | undefined;
  if (!outcome.script || !change.kind.startsWith('view.') || typeof view?.definition !== 'string') return outcome;
  const words = new Set(
    [...view.definition.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)/g)].map((m) => (m[1] ? m[1].replace(/""/g, '"') : m[2]!.toLowerCase())),
  );
  // A table or column a declared rename names waits for the rename's script, not for one that creates it.
  const needed = context.after.tables.flatMap((table) => {
    if (!words.has(table.name)) return [];
    const before = beforeTableOf(context, table);
    if (!before) return [createTableDescription(table.key)];
    const columns = table.columns
      .filter((c) => words.has(c.name) && !before.columns.some((b) => b.name === c.name))
      .map((c) => columnRenameScript(context.after, table.key, c.name) ?? addColumnDescription(table.key, c.name));
    return [...tableDependencies(context, table), ...columns];
  });
  if (needed.length === 0) return outcome;
  return { ...outcome, script: { ...outcome.script, dependencies: [...new Set([...outcome.script.dependencies, ...needed])] } };
}

/**
 * A view replaced by a table of its name, or a table by a view (docs.rs turned its
 * `release_build_status` view into a table): the new relation waits for the old one's script,
 * which frees the name, and its rollback runs before the old one comes back.
 */
function withReplacedRelationDependencies(outcome: RuleOutcome, change: DatabaseChange, context: DatabaseRuleContext): RuleOutcome {
  if (!outcome.script || (change.kind !== 'table.added' && change.kind !== 'view.added')) return outcome;
  const details = change.details as Record<string, unknown>;
  const added = (details['table'] ?? details['view']) as QualifiedName;
  const same = (o: QualifiedName) => objectIdentity(o) === objectIdentity(added);
  const old =
    change.kind === 'table.added'
      ? context.before.views.filter((v) => same(v) && !context.after.views.some(same)).map((view) => ({ kind: 'view.removed', details: { view } }))
      : context.before.tables.filter((t) => same(t) && !context.after.tables.some(same)).map((table) => ({ kind: 'table.removed', details: { table } }));
  const needed = old.flatMap((c) => scriptDescriptionOf({ path: '', subject: '', ...c } as unknown as DatabaseChange, context) ?? []);
  if (needed.length === 0) return outcome;
  return { ...outcome, script: { ...outcome.script, dependencies: [...new Set([...outcome.script.dependencies, ...needed])] } };
}

/** The script the report makes for a change: the first rule that takes it, as the engine picks it. */
function scriptDescriptionOf(change: DatabaseChange, context: DatabaseRuleContext): string | undefined {
  const rule = rulesWithoutExamples.find((r) => r.change === change.kind && (!r.when || r.when(change, context)));
  return rule?.classify(change, context).script?.description;
}

/** Whether a constraint or index of the table (the `before` side of its change) reads the column. */
function readsColumn(change: DatabaseChange, column: string): boolean {
  const details = change.details as Record<string, unknown>;
  const object = (details['before'] ?? details['index']) as
    | { columns?: string[]; expression?: string; predicate?: string | null; include?: string[] }
    | undefined;
  if (!object) return false;
  const expressions = [object.expression, object.predicate, ...(object.columns ?? [])].filter((e): e is string => typeof e === 'string');
  return (
    (object.columns ?? []).includes(column) || (object.include ?? []).includes(column) || expressions.some((e) => referencedIdentifiers(e).includes(column))
  );
}

/**
 * A column must be dropped after the scripts that move what used it: PostgreSQL refuses to drop it
 * while a view uses it, and silently drops the checks and indexes on it, which the drop's rollback
 * does not bring back. The views, checks, keys and indexes that used it are replaced or dropped by
 * scripts of their own: the drop depends on them, so that when one of them cannot run (it waits for
 * a value only the user knows), the drop waits too instead of failing or taking them along.
 */
function withColumnUserDependencies(outcome: RuleOutcome, change: DatabaseChange, context: DatabaseRuleContext): RuleOutcome {
  if (!outcome.script || change.kind !== 'column.removed') return outcome;
  const { tables, column } = (change as DatabaseChange<'column.removed'>).details;
  const views = viewsUsingColumn(context.before, tables.before, column.name);
  const users = [
    ...(views.length ? diffViews(views, context.after.views).filter((c) => c.kind !== 'view.added') : []),
    ...[...diffConstraints(tables), ...diffIndexes(tables)].filter((c) => readsColumn(c, column.name)),
  ];
  const needed = users.flatMap((c) => scriptDescriptionOf(c, context) ?? []).filter((d) => d !== outcome.script!.description);
  if (needed.length === 0) return outcome;
  return { ...outcome, script: { ...outcome.script, dependencies: [...new Set([...outcome.script.dependencies, ...needed])] } };
}

/** Each rule carries its example (docs, `plugins show`, and the conformance kit's test case). */
/** A rule's example (schemas before and after, or a migration file), built on first use. */
function exampleOf(rule: DatabaseRule): NonNullable<DatabaseRule['examples']> {
  const migration = statementRuleExamples[rule.id];
  const example = ruleExample(rule.id) ?? modelRuleExample(rule.id) ?? (migration ? { fileName: 'migration.sql', ...migration, migration: true } : undefined);
  return example ? [example] : [];
}

export const databaseRules: DatabaseRule[] = rulesWithoutExamples.map((rule) => {
  const classify: DatabaseRule['classify'] = (change, context) =>
    withTypeUserDependencies(
      withReplacedRelationDependencies(
        withColumnUserDependencies(
          withViewColumnDependencies(
            withTypeChangeDependencies(
              withExtensionDependencies(forDialect(rule.classify(change, context), context.dialect), change.kind, context),
              change as DatabaseChange,
              context,
            ),
            change as DatabaseChange,
            context,
          ),
          change as DatabaseChange,
          context,
        ),
        change as DatabaseChange,
        context,
      ),
      change as DatabaseChange,
      context,
    );
  // Examples are documentation and test cases: built when read (the rules catalog, the contract's
  // validation of the checker, the tests), not by a `plan`, which uses the rules for their SQL only.
  let examples: NonNullable<DatabaseRule['examples']> | undefined;
  return Object.defineProperty({ ...rule, classify }, 'examples', {
    get: () => (examples ??= exampleOf(rule)),
    enumerable: true,
    configurable: true,
  });
});
