import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { connectionError } from '../sources/live/connection-errors.js';
import { parsePostgresUrl } from '../sources/live/postgres-url.js';
import { withLibpqSslSemantics } from '../sources/live/read-only-session.js';
import type { ScratchDatabase, ScratchEngine } from './scratch-database.js';

async function connect(url: string): Promise<Client> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: withLibpqSslSemantics(url),
    connectionTimeoutMillis: 5_000,
    application_name: 'migration-architect-verify',
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * `--dev-url postgres://…`: each scratch database is created on that server (the user must be
 * allowed to CREATE DATABASE) and dropped when closed, whatever happened in it.
 */
export async function createServerEngine(devUrl: string): Promise<ScratchEngine> {
  const target = parsePostgresUrl(devUrl);
  let admin: Client;
  try {
    admin = await connect(devUrl);
  } catch (error) {
    throw connectionError(error, target);
  }
  const open = new Set<ScratchDatabase>();
  return {
    name: `${target.host}:${target.port}`,
    async create() {
      const name = `ma_verify_${randomBytes(6).toString('hex')}`;
      let client: Client;
      try {
        await admin.query(`CREATE DATABASE ${name}`);
        client = await connect(databaseUrl(devUrl, name));
      } catch (error) {
        // Most often the user lacks CREATEDB: exit 69 naming the server and the reason.
        throw connectionError(error, target);
      }
      const database: ScratchDatabase = {
        run: async (sql) => void (await client.query(sql)),
        query: async (sql) => (await client.query(sql)).rows,
        close: async () => {
          open.delete(database);
          await client.end().catch(() => {});
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
      open.add(database);
      return database;
    },
    async close() {
      for (const database of [...open]) await database.close().catch(() => {});
      await admin.end().catch(() => {});
    },
  };
}
