import { quoteQualifiedName, regclass } from '../sql/identifier.js';
import type { QualifiedName, Table } from '../schema/model.js';
import { defineDatabaseRule } from './database-rule.js';
import { tableDependencies } from './declared-renames.js';
import { sqlScript } from './migration-script.js';

type Membership = NonNullable<Table['partitionOf']>;

const detach = (table: Table, from: Membership) =>
  `ALTER TABLE ${quoteQualifiedName(from.schema, from.name)} DETACH PARTITION ${quoteQualifiedName(table.schema, table.name)};`;
const attach = (table: Table, to: Membership) =>
  `ALTER TABLE ${quoteQualifiedName(to.schema, to.name)} ATTACH PARTITION ${quoteQualifiedName(table.schema, table.name)} ${to.bound};`;
const parentName = (p: QualifiedName) => (p.schema && p.schema !== 'public' ? `${p.schema}.${p.name}` : p.name);

export const partitionMembershipChanged = defineDatabaseRule({
  id: 'partition-membership-changed',
  code: 'DB220',
  issueType: 'partition_membership_changed',
  change: 'table.partition_changed',
  severity: 'potentially_breaking',
  title: 'Partition detached or attached',
  description:
    "A detached partition's rows leave its partitioned table: queries on the parent no longer see them, and inserts in its range fail unless another partition takes them. Attaching a table scans it to check every row fits the bound, and the parent's keys and indexes are created on it if it lacks them.",
  safeAlternative:
    'Detach with DETACH PARTITION … CONCURRENTLY (outside a transaction, no default partition) so queries on the parent are not blocked; before ATTACH, add a CHECK constraint matching the bound and validate it, so the attach skips its scan.',
  classify: ({ details: { tables } }, context) => {
    const { before, after } = tables;
    // Left first, then joined: a table moved to another parent or bound does both; the rollback undoes them in reverse.
    const forward = [...(before.partitionOf ? [detach(after, before.partitionOf)] : []), ...(after.partitionOf ? [attach(after, after.partitionOf)] : [])];
    const rollback = [...(after.partitionOf ? [detach(after, after.partitionOf)] : []), ...(before.partitionOf ? [attach(after, before.partitionOf)] : [])];
    const what = after.partitionOf
      ? before.partitionOf
        ? `moved from partitioned table '${parentName(before.partitionOf)}' to '${parentName(after.partitionOf)}' ${after.partitionOf.bound}`
        : `attached to partitioned table '${parentName(after.partitionOf)}' ${after.partitionOf.bound}`
      : `detached from partitioned table '${parentName(before.partitionOf!)}'`;
    return {
      description: `Table '${after.key}' ${what}`,
      impact: after.partitionOf
        ? `Queries on '${parentName(after.partitionOf)}' see the table's rows; the attach scans them under a SHARE UPDATE EXCLUSIVE lock on the parent`
        : `Queries on '${parentName(before.partitionOf!)}' no longer see the table's rows; DETACH takes an ACCESS EXCLUSIVE lock on the parent`,
      suggestedMigration: after.partitionOf
        ? 'Add a CHECK matching the bound and validate it before ATTACH'
        : 'DETACH PARTITION … CONCURRENTLY outside a transaction',
      affectedOperations: ['SELECT', 'INSERT'],
      script: sqlScript({
        description: `${after.partitionOf ? (before.partitionOf ? 'Move' : 'Attach') : 'Detach'} partition ${after.key}`,
        statements: forward,
        rollback,
        validation: `SELECT inhparent::regclass AS parent FROM pg_inherits WHERE inhrelid = ${regclass(after)};`,
        // A partitioned table this change creates or renames is there first.
        dependencies: after.partitionOf ? tableDependencies(context, after.partitionOf) : [],
      }),
    };
  },
});
