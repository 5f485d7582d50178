import type { Trigger } from '../schema/model.js';
import { triggerValue } from '../schema/trigger-diff.js';
import { createTrigger, dropTrigger, triggerTable } from '../sql/trigger-ddl.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { tableDependencies } from './declared-renames.js';
import { sqlScript } from './migration-script.js';

const WRITES = ['INSERT', 'UPDATE', 'DELETE'];
const exists = (t: Trigger) =>
  `SELECT count(*) AS trigger_exists FROM pg_trigger WHERE tgrelid = ${quoteLiteral(triggerTable(t))}::regclass AND tgname = ${quoteLiteral(t.name)};`;

export const triggerRemoved = defineDatabaseRule({
  id: 'trigger-removed',
  code: 'DB117',
  issueType: 'trigger_removed',
  change: 'trigger.removed',
  severity: 'potentially_breaking',
  title: 'Trigger removed',
  description: 'Writes keep working but silently stop doing what the trigger did (audit rows, derived columns, checks), which clients may rely on.',
  safeAlternative: 'Move the behaviour into the application (or a new trigger) first, then drop the old trigger.',
  classify: ({ details: { trigger } }) => ({
    description: `Trigger '${trigger.name}' on '${trigger.table}' has been removed (${triggerValue(trigger)})`,
    impact: 'Whatever the trigger did on each write no longer happens',
    suggestedMigration: 'Replace what the trigger does before dropping it',
    affectedOperations: WRITES,
    script: sqlScript({
      description: `Drop trigger ${trigger.name} on ${trigger.table}`,
      statements: [dropTrigger(trigger)],
      rollback: [createTrigger(trigger)],
      validation: exists(trigger),
    }),
  }),
});

export const triggerAdded = defineDatabaseRule({
  id: 'trigger-added',
  code: 'DB503',
  issueType: 'trigger_added',
  change: 'trigger.added',
  severity: 'non_breaking',
  title: 'Trigger added',
  description: 'Existing statements keep their shape, but every matching write now runs the function: slower writes, and a failing trigger fails the write.',
  safeAlternative: 'Test the function on production-like writes; add the trigger in a short transaction with a lock_timeout.',
  classify: ({ details: { trigger } }, context) => ({
    description: `New trigger '${trigger.name}' on '${trigger.table}' (${triggerValue(trigger)})`,
    impact: 'Writes to the table run the trigger function',
    suggestedMigration: 'Create the function first, then the trigger',
    affectedOperations: WRITES,
    script: sqlScript({
      description: `Create trigger ${trigger.name} on ${trigger.table}`,
      statements: [createTrigger(trigger)],
      rollback: [dropTrigger(trigger)],
      validation: exists(trigger),
      // A trigger on a table created in the same change set waits for that table's script.
      dependencies: tableDependencies(context, context.after.tables.find((t) => t.key === trigger.table) ?? { schema: null, name: trigger.table }),
    }),
  }),
});

export const triggerChanged = defineDatabaseRule({
  id: 'trigger-changed',
  code: 'DB504',
  issueType: 'trigger_changed',
  change: 'trigger.changed',
  severity: 'potentially_breaking',
  title: 'Trigger changed',
  description: 'The trigger fires at another time, on other events, or calls another function: writes behave differently.',
  safeAlternative: 'Replace it in one transaction (DROP and CREATE, or CREATE OR REPLACE TRIGGER on PostgreSQL 14+) so no write slips between.',
  classify: ({ details: { before, after } }) => ({
    description: `Trigger '${after.name}' on '${after.table}' changed: ${triggerValue(before)} → ${triggerValue(after)}`,
    impact: 'Writes to the table behave differently',
    suggestedMigration: 'Replace the trigger in a single transaction',
    affectedOperations: WRITES,
    script: sqlScript({
      description: `Replace trigger ${after.name} on ${after.table}`,
      statements: ['BEGIN;', dropTrigger(before), createTrigger(after), 'COMMIT;'],
      rollback: ['BEGIN;', dropTrigger(after), createTrigger(before), 'COMMIT;'],
      validation: exists(after),
    }),
  }),
});
