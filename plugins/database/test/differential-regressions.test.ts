import { afterAll, describe, expect, inject, it } from 'vitest';
import { orderScripts } from '../src/verify/script-order.js';
import { baseSchemas } from './differential/base-schemas.js';
import { DifferentialHarness } from './differential/differential-case.js';
import type { Mutation } from './differential/schema-mutations.js';
import { PostgresServer } from './postgres-server.js';

/**
 * Cases the differential test (differential.test.ts) found, pinned with their shrunk mutations so
 * they stay fixed whatever the random runs draw. Each names the seed it came from.
 */
const server = new PostgresServer(inject('postgresUrl'));
const harness = new DifferentialHarness(server);
afterAll(() => server.close());

const shop = baseSchemas.find((b) => b.name === 'shop')!;
const blog = baseSchemas.find((b) => b.name === 'blog')!;
const m = (kind: Mutation['kind'], ...picks: number[]): Mutation => ({ kind, picks });

describe('differential regressions', { timeout: 120_000 }, () => {
  it('a key column dropped: its backup names it once, and the drop waits for the key change (DIFF_SEED=2007)', async () => {
    // events (id, happened_at) loses id: was `CREATE TABLE events_id_backup AS SELECT id, happened_at, id` ("specified more than once").
    const result = await harness.run(shop, [m('dropColumn', 0, 0, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "events" DROP COLUMN "id"']);
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
    const drop = result.report!.migration_scripts.find((s) => s.description === 'Drop column id from table events')!;
    expect(drop.dependencies).toContain('Drop primary key events_pkey of table events');
  });

  it('a column dropped from a table without a primary key comes back with its values (DIFF_SEED=-592799384)', async () => {
    // post_tags has no key: the values were left to "restore from the dump", so NOT NULL could not be restored.
    const result = await harness.run(blog, [m('dropColumn', 1, 0, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "post_tags" DROP COLUMN "post_id"']);
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
  });

  it('a table renamed without --rename: the old one is set aside with its index names, then the new one is created (DIFF_SEED=2004)', async () => {
    // post_tags renamed: its UNIQUE (post_id, tag) index name was still taken when the new table was created.
    const result = await harness.run(blog, [m('renameTable', 1, 0, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "post_tags" RENAME TO "post_tags_r0"']);
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
  });

  it('a foreign key moved to a table created in the same change waits for that table (DIFF_SEED=2004)', async () => {
    // tags renamed without --rename: post_tags' foreign key now references the new tags_r0.
    const result = await harness.run(blog, [m('renameTable', 3, 0, 0, 0)]);
    const scripts = result.report!.migration_scripts;
    const replace = scripts.findIndex((s) => s.description === 'Replace foreign key post_tags_tag_fkey of table post_tags');
    const create = scripts.findIndex((s) => s.description === 'Create new table tags_r0');
    expect(scripts[replace]!.dependencies).toContain('Create new table tags_r0');
    const { order } = orderScripts(scripts);
    expect(order.indexOf(create)).toBeLessThan(order.indexOf(replace));
    // The rows stay in the table set aside: the new one is empty, so the foreign key cannot validate. Undeclared renames lose data; that is the finding.
    expect(result.outcome).toMatch(/^forward script fails: insert or update on table .* violates foreign key constraint/);
  });
  it('a rewriting type change on a primary-key column of a partitioned table: the contract step moves the key (DIFF_SEED=9075)', async () => {
    // events (id, happened_at): the contract step ran `ALTER COLUMN id_old DROP NOT NULL` while id_old was still in the key.
    const result = await harness.run(shop, [m('changeType', 0, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "events" ALTER COLUMN "id" TYPE text']);
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
    const contract = result.report!.migration_scripts.find((s) => s.description.startsWith('Contract: switch column id of table events'))!;
    expect(contract.script_content).toContain('ALTER TABLE public.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, happened_at);');
  });

  it('a rewriting type change on a column in a UNIQUE constraint: the key moves onto the switched column, built CONCURRENTLY first', async () => {
    // post_tags UNIQUE (post_id, tag): DROP COLUMN post_id_old took the constraint along, so the forward never reached it.
    const result = await harness.run(blog, [m('dropConstraint', 1), m('changeType', 1, 0, 0)]);
    expect(result.applied).toEqual([
      'ALTER TABLE "post_tags" DROP CONSTRAINT "post_tags_post_id_fkey"',
      'ALTER TABLE "post_tags" ALTER COLUMN "post_id" TYPE text',
    ]);
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
    const contract = result.report!.migration_scripts.find((s) => s.description.startsWith('Contract: switch column post_id'))!;
    expect(contract.script_content).toContain(
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS post_tags_post_id_tag_key_new ON public.post_tags (post_id_new, tag);',
    );
  });

  it("a rewriting type change keeps the column's comment on the switched column", async () => {
    // users.email (a domain) becomes text: the comment stayed on the dropped email_old.
    const result = await harness.run(shop, [m('changeType', 4, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "users" ALTER COLUMN "email" TYPE text']);
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
  });
  it('a column dropped while a view uses it waits for the view to be replaced, even when that waits for input (DIFF_SEED=9060)', async () => {
    // orders.user_id renamed without --rename: the view's replacement waits for the new column's backfill value, and the drop ran anyway.
    const result = await harness.run(shop, [m('renameColumn', 2, 29, 20, 10)]);
    expect(result.applied).toEqual(['ALTER TABLE "orders" RENAME COLUMN "user_id" TO "user_id_r0"']);
    const drop = result.report!.migration_scripts.find((s) => s.description === 'Drop column user_id from table orders')!;
    expect(drop.dependencies).toContain('Replace view open_orders');
    expect({ outcome: result.outcome, details: result.details }).toEqual({
      outcome: 'needs input',
      details: ['Add column user_id_r0 to table orders: {backfill_value}'],
    });
  });
  it('a view moved onto a new table rolls back onto the retired table while it is still aside (DIFF_SEED=9111)', async () => {
    // posts renamed without --rename: public_posts moves onto posts_r1; its rollback ran first and named posts, still aside as posts_deprecated,
    // so posts_r1 could not be dropped and posts could not come back.
    const result = await harness.run(blog, [m('dropConstraint', 1), m('renameTable', 2, 0, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "post_tags" DROP CONSTRAINT "post_tags_post_id_fkey"', 'ALTER TABLE "posts" RENAME TO "posts_r1"']);
    const steps = result.verification!.scripts;
    expect(steps.filter((s) => s.rollback.status !== 'passed').map((s) => `${s.description}: ${s.rollback.error}`)).toEqual([]);
    expect(result.verification!.after_rollback.differences).toEqual([]);
  });
  it('a column renamed on a table the same change creates is no rename between the schemas: the harness does not declare it (DIFF_SEED=9055)', async () => {
    // `--rename m1_t.ref=m1_t.ref_r3` was refused, rightly: m1_t is not in the before schema, so the hint names nothing there.
    const result = await harness.run(blog, [
      m('addIndex', 5, 3, 1, 3),
      m('addTable', 13, 39, 6, 3),
      m('addForeignKey', 34, 18, 27, 1),
      m('renameColumn', 11, 32, 30, 7),
    ]);
    expect(result.applied.at(-1)).toBe('ALTER TABLE "m1_t" RENAME COLUMN "ref" TO "ref_r3"');
    expect({ outcome: result.outcome, details: result.details }).toEqual({ outcome: 'passed', details: [] });
  });
  it('a column dropped while a check uses it waits for the check to be replaced, so the drop does not take it along (DIFF_SEED=30020)', async () => {
    // order_items.quantity renamed without --rename: the check's replacement waits for the new column's backfill value; the drop ran
    // anyway and took CHECK (quantity > 0) with it, which its rollback did not bring back.
    const result = await harness.run(shop, [m('renameColumn', 1, 2, 0, 0)]);
    expect(result.applied).toEqual(['ALTER TABLE "order_items" RENAME COLUMN "quantity" TO "quantity_r0"']);
    const drop = result.report!.migration_scripts.find((s) => s.description === 'Drop column quantity from table order_items')!;
    expect(drop.dependencies).toContain('Replace check constraint order_items_quantity_check of table order_items');
    expect({ outcome: result.outcome, details: result.details }).toEqual({
      outcome: 'needs input',
      details: ['Add column quantity_r0 to table order_items: {backfill_value}'],
    });
  });
});
