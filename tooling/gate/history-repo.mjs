// Builds git repositories with a migration history, for the gate's end-to-end test and `pnpm bench`.
// Every file is written here (nothing copied from elsewhere); dates and names are fixed so commit
// hashes are the same on every machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Ada Example',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Example',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

let tick = 0;

/** Runs git in `dir` with fixed identities and a clock that advances one minute per commit. */
export function git(dir, ...args) {
  const date = new Date(Date.UTC(2026, 0, 5, 9, 0) + tick * 60_000).toISOString();
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: 'utf8',
  });
}

export function write(dir, path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export function commit(dir, message) {
  tick++;
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-gpg-sign', '-m', message);
}

export function initRepo(dir) {
  tick = 0;
  git(dir, 'init', '-q', '-b', 'main');
}

const TABLES = ['accounts', 'users', 'teams', 'projects', 'invoices', 'orders', 'products', 'payments', 'shipments', 'audit_events', 'sessions', 'webhooks'];

/**
 * Flyway migrations V1..V`count`: a table per step for the first dozen, then columns, indexes,
 * a view and a function, the way a product's history grows; every fourth migration has an undo file.
 */
export function flywayHistory(count) {
  const files = [];
  for (let v = 1; v <= count; v++) {
    const table = TABLES[(v - 1) % TABLES.length];
    const round = Math.floor((v - 1) / TABLES.length);
    let up;
    let undo;
    let name;
    if (round === 0) {
      name = `create_${table}`;
      up = `CREATE TABLE ${table} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  name text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n`;
      undo = `DROP TABLE ${table};\n`;
    } else if (round % 3 === 1) {
      name = `add_${table}_note_${round}`;
      up = `ALTER TABLE ${table} ADD COLUMN note_${round} text;\n`;
      undo = `ALTER TABLE ${table} DROP COLUMN note_${round};\n`;
    } else if (round % 3 === 2) {
      name = `index_${table}_name_${round}`;
      up = `CREATE INDEX CONCURRENTLY ${table}_name_${round}_idx ON ${table} (name);\n`;
      undo = `DROP INDEX CONCURRENTLY ${table}_name_${round}_idx;\n`;
    } else {
      name = `add_${table}_flag_${round}`;
      up = `ALTER TABLE ${table} ADD COLUMN flag_${round} boolean NOT NULL DEFAULT false;\n`;
      undo = `ALTER TABLE ${table} DROP COLUMN flag_${round};\n`;
    }
    files.push({ path: `db/migration/V${v}__${name}.sql`, text: up });
    if (v % 4 === 0) files.push({ path: `db/migration/U${v}__${name}.sql`, text: undo });
  }
  return files;
}

export const OPENAPI_BASE = `openapi: 3.0.3
info:
  title: Accounts API
  version: 1.4.0
paths:
  /accounts:
    get:
      operationId: listAccounts
      parameters:
        - name: limit
          in: query
          required: false
          schema:
            type: integer
      responses:
        '200':
          description: The accounts
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Account'
  /accounts/{id}:
    get:
      operationId: getAccount
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: One account
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Account'
components:
  schemas:
    Account:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
        name:
          type: string
        plan:
          type: string
`;

export const GRAPHQL_BASE = `type Query {
  account(id: ID!): Account
  accounts(first: Int): [Account!]!
}

type Account {
  id: ID!
  name: String!
  plan: String
}
`;
