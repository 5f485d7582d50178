import { createHash } from 'node:crypto';
import { loadModule, parseSync } from 'libpg-query';
import pg from 'pg';

/**
 * Talking to the test PostgreSQL (test/global-setup.ts) through node-pg instead of a `psql`
 * process per call: one connection per database a test file uses, scratch databases cloned from
 * template databases instead of schemas rebuilt for every test.
 */

/**
 * The statements of an SQL script, each on its own, as `psql` sends them. A multi-statement string
 * sent at once would run in one implicit transaction, where `CREATE INDEX CONCURRENTLY` and
 * friends are refused. libpg-query reports statement positions in UTF-8 bytes.
 */
export function statements(sql: string): string[] {
  const bytes = Buffer.from(sql, 'utf8');
  return (parseSync(sql).stmts ?? [])
    .map(({ stmt_location: start = 0, stmt_len: length }) => bytes.subarray(start, length ? start + length : bytes.length).toString('utf8'))
    .filter((statement) => statement.trim() !== '');
}

/** One connection to one database. */
export class PostgresSession {
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PostgresSession> {
    await loadModule();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresSession(client);
  }

  /**
   * Runs a script statement by statement in autocommit, stopping at the first error, as
   * `psql -v ON_ERROR_STOP=1` does; returns the rows of the last statement.
   */
  async run(sql: string): Promise<Record<string, unknown>[]> {
    let rows: Record<string, unknown>[] = [];
    for (const statement of statements(sql)) {
      try {
        rows = (await this.client.query(statement)).rows;
      } catch (error) {
        // The detail names what depends on what ("default value for column … depends on sequence …").
        const { code, detail } = error as { code?: string; detail?: string };
        throw Object.assign(new Error(`${(error as Error).message}\n  in: ${statement.trim()}`), { code, detail, cause: error });
      }
    }
    return rows;
  }

  /** The first column of the first row of the script's last statement. */
  async value(sql: string): Promise<unknown> {
    const [row] = await this.run(sql);
    return row ? Object.values(row)[0] : undefined;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/**
 * The server, as one test file uses it: an administration connection, scratch databases, and the
 * template databases the file built. `close()` (in an afterAll) drops the templates and disconnects.
 */
export class PostgresServer {
  private admin: Promise<PostgresSession> | undefined;
  private readonly templates = new Map<string, Promise<string>>();

  constructor(readonly url: string) {}

  databaseUrl(name: string): string {
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** Runs a script on the server's own database (`postgres`), over one shared connection. */
  async run(sql: string): Promise<Record<string, unknown>[]> {
    this.admin ??= PostgresSession.connect(this.url);
    return (await this.admin).run(sql);
  }

  /** A fresh, empty database (a copy of `template`, else of template1), replacing any left over. */
  async createDatabase(name: string, template?: string): Promise<string> {
    await this.dropDatabase(name);
    await this.run(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    return this.databaseUrl(name);
  }

  async dropDatabase(name: string): Promise<void> {
    await this.run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }

  /** Runs `use` connected to a fresh database (a copy of `template` when given), dropped afterwards. */
  async withScratchDatabase<T>(name: string, use: (db: PostgresSession, url: string) => Promise<T>, options: { template?: string } = {}): Promise<T> {
    const url = await this.createDatabase(name, options.template);
    try {
      const db = await PostgresSession.connect(url);
      try {
        return await use(db, url);
      } finally {
        await db.close();
      }
    } finally {
      await this.dropDatabase(name);
    }
  }

  /**
   * A template database built once per distinct `key` by `build`, for scratch databases to copy:
   * `CREATE DATABASE … TEMPLATE` copies files, far cheaper than replaying the statements that made
   * them. Named `${prefix}_<hash of key>`.
   */
  template(prefix: string, key: string, build: (db: PostgresSession) => Promise<void>): Promise<string> {
    const name = `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
    let made = this.templates.get(name);
    if (!made) {
      made = (async () => {
        const db = await PostgresSession.connect(await this.createDatabase(name));
        try {
          await build(db);
        } finally {
          // A template must have no connection while it is copied.
          await db.close();
        }
        return name;
      })();
      this.templates.set(name, made);
    }
    return made;
  }

  async close(): Promise<void> {
    for (const name of this.templates.keys()) await this.dropDatabase(name);
    this.templates.clear();
    if (this.admin) await (await this.admin).close();
    this.admin = undefined;
  }
}
