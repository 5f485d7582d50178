import { readExample } from '../fixtures.js';

/**
 * Specs whose plans and runbooks are run statement by statement on PostgreSQL, each with the
 * schema it is written against (before) and the schema its plan must leave (after), written here
 * by hand from the spec. `fill` gives the stated test value of each placeholder.
 */
export interface PlanSqlCase {
  name: string;
  spec: unknown;
  before: string;
  after: string;
  fill: Record<string, string>;
}

const SEED_TABLES = `
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, created_at timestamp NOT NULL DEFAULT now());
CREATE TABLE user_profiles (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), bio varchar(255));
CREATE TABLE user_sessions (id text PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), expires_at timestamp NOT NULL);
CREATE TABLE audit_logs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, action text NOT NULL, at timestamp NOT NULL DEFAULT now());
INSERT INTO users (email) VALUES ('ann@example.com'), ('bob@example.com');
INSERT INTO user_profiles (user_id, bio) SELECT id, 'hello' FROM users;
INSERT INTO user_sessions SELECT 's' || id, id, now() + interval '1 day' FROM users;
INSERT INTO audit_logs (action) VALUES ('login');
`;

const ORDER_TABLES = `
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL);
CREATE TABLE order_items (order_id bigint NOT NULL REFERENCES orders (id), sku text NOT NULL, PRIMARY KEY (order_id, sku));
CREATE TABLE order_status_history (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), status text NOT NULL);
INSERT INTO orders VALUES (1, 9.99);
INSERT INTO order_items VALUES (1, 'A-1');
INSERT INTO order_status_history VALUES (1, 1, 'paid');
`;

const BILLING_BEFORE = `
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, legacy_code text, nickname text, score integer);
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, number text, amount integer, CONSTRAINT invoices_amount_check CHECK (amount >= 0));
CREATE INDEX invoices_number_idx ON invoices (number);
INSERT INTO customers VALUES (1, 'ann@example.com', 'L1', 'annie', 10), (2, 'bob@example.com', NULL, NULL, NULL);
INSERT INTO invoices VALUES (1, 1, 'INV-1', 100), (2, 2, 'INV-2', 50);
`;

const BILLING_AFTER = `
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, display_name text, score bigint, status varchar(20) NOT NULL DEFAULT 'active', region text NOT NULL,
  CONSTRAINT customers_email_key UNIQUE (email));
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, number text, amount integer,
  CONSTRAINT invoices_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id));
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
-- The dropped column's values, kept aside (by row position: the plan is not told the key) until a later release.
CREATE TABLE customers_legacy_code_backup (source_table oid, source_row tid, legacy_code text);
`;

export const planSqlCases: PlanSqlCase[] = [
  {
    name: 'sample_database_migration.json (bundled example)',
    spec: readExample('sample_database_migration.json'),
    before: SEED_TABLES,
    after: `${SEED_TABLES}
ALTER TABLE users ADD COLUMN email_verified_at timestamp, ADD COLUMN phone_verified_at timestamp;
ALTER TABLE user_profiles ALTER COLUMN bio TYPE text, ADD CONSTRAINT bio_length_check CHECK (LENGTH(bio) <= 2000);`,
    fill: {},
  },
  {
    name: 'cross_region_database_move.json (bundled example): monitoring SQL only, schema unchanged',
    spec: readExample('cross_region_database_move.json'),
    before: ORDER_TABLES,
    after: ORDER_TABLES,
    fill: {},
  },
  {
    name: 'billing: every kind of spec schema change',
    spec: {
      type: 'database',
      pattern: 'schema_change',
      source: 'PostgreSQL 15',
      target: 'PostgreSQL 15',
      tables_to_migrate: [
        { name: 'customers', row_count: 2, size_mb: 1, critical: true },
        { name: 'invoices', row_count: 2, size_mb: 1 },
      ],
      schema_changes: [
        {
          table: 'customers',
          changes: [
            { type: 'add_column', column: 'status', data_type: 'varchar(20)', nullable: false, default: 'active' },
            { type: 'add_column', column: 'region', data_type: 'text', nullable: false },
            { type: 'drop_column', column: 'legacy_code', data_type: 'text' },
            { type: 'rename_column', column: 'nickname', new_name: 'display_name' },
            { type: 'change_column_type', column: 'score', old_type: 'integer', new_type: 'bigint' },
            { type: 'add_constraint', constraint_type: 'unique', constraint_name: 'customers_email_key', columns: ['email'] },
          ],
        },
        {
          table: 'invoices',
          changes: [
            {
              type: 'add_constraint',
              constraint_type: 'foreign_key',
              constraint_name: 'invoices_customer_fkey',
              columns: ['customer_id'],
              references: 'customers(id)',
            },
            { type: 'drop_constraint', constraint_name: 'invoices_amount_check' },
            { type: 'add_index', index_name: 'invoices_customer_idx', columns: ['customer_id'] },
            { type: 'drop_index', index_name: 'invoices_number_idx' },
          ],
        },
      ],
    },
    before: BILLING_BEFORE,
    after: BILLING_AFTER,
    // The region existing customers get: the spec cannot know it, the user states it.
    fill: { '{backfill_value}': "'eu'" },
  },
];
