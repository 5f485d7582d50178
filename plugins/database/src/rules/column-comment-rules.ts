import { quoteIdentifier, quoteQualifiedName, regclass } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { defineDatabaseRule } from './database-rule.js';
import { tableDependencies } from './declared-renames.js';
import { sqlScript } from './migration-script.js';

export const commentChanged = defineDatabaseRule({
  id: 'comment-changed',
  code: 'DB406',
  issueType: 'comment_changed',
  change: 'column.comment_changed',
  severity: 'non_breaking',
  title: 'Column comment changed',
  description: 'Comments are documentation kept in the catalog; no query or write behaves differently.',
  safeAlternative: 'Apply as is.',
  classify: ({ details: { tables, before, after } }) => {
    const target = `${quoteQualifiedName(tables.after.schema, tables.after.name)}.${quoteIdentifier(after.name)}`;
    const comment = (text: string | null) => `COMMENT ON COLUMN ${target} IS ${text ? quoteLiteral(text) : 'NULL'};`;
    return {
      description: `Comment of column '${after.name}' in table '${tables.after.key}' changed`,
      impact: 'None',
      suggestedMigration: 'Apply as is',
      affectedOperations: [],
      script: sqlScript({
        description: `Update comment of column ${after.name} in table ${tables.after.key}`,
        statements: [comment(after.comment)],
        rollback: [comment(before.comment)],
        validation: `SELECT col_description(${regclass(tables.after)}, attnum) FROM pg_attribute WHERE attrelid = ${regclass(tables.after)} AND attname = ${quoteLiteral(after.name)};`,
        lockTimeout: false,
      }),
    };
  },
});

export const relationCommentChanged = defineDatabaseRule({
  id: 'relation-comment-changed',
  code: 'DB418',
  issueType: 'relation_comment_changed',
  change: 'relation.comment_changed',
  severity: 'non_breaking',
  title: 'Table or view comment changed',
  description: 'Comments are documentation kept in the catalog; no query or write behaves differently.',
  safeAlternative: 'Apply as is.',
  classify: ({ details: { relation, kind, before, after } }, context) => {
    // A new relation's CREATE does not carry its comment: the comment waits for it (a table created, or renamed by a declared rename, under this name).
    const isNewView = kind !== 'table' && !context.before.views.some((v) => objectIdentity(v) === objectIdentity(relation));
    const dependencies = kind === 'table' ? tableDependencies(context, relation) : isNewView ? [`Create view ${relation.key}`] : [];
    const comment = (text: string | null) =>
      `COMMENT ON ${kind.toUpperCase()} ${quoteQualifiedName(relation.schema, relation.name)} IS ${text ? quoteLiteral(text) : 'NULL'};`;
    return {
      description: `Comment of ${kind} '${relation.key}' ${after === null ? 'removed' : before === null ? 'added' : 'changed'}`,
      impact: 'None',
      suggestedMigration: 'Apply as is',
      affectedOperations: [],
      script: sqlScript({
        description: `Update comment of ${kind} ${relation.key}`,
        statements: [comment(after)],
        rollback: [comment(before)],
        validation: `SELECT obj_description(${regclass(relation)}, 'pg_class') AS comment;`,
        dependencies,
        lockTimeout: false,
      }),
    };
  },
});
