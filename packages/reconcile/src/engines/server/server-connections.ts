import { JobPool } from '../job-pool.js';

/** What a server engine (PostgreSQL, MySQL / MariaDB) tells the shared connection plumbing. */
export interface ServerConnector<C> {
  /** Opens the first connection, in its read-only transaction. */
  first(): Promise<C>;
  /** Opens one more, after the first (PostgreSQL: on the first one's exported snapshot). */
  more(): Promise<C>;
  /** Connections the server has free, asked on the first connection, when more than one is wanted. */
  free(first: C): Promise<number>;
  /** Ends a connection's transaction (ROLLBACK) and the connection; failures are ignored. */
  end(connection: C): Promise<void>;
}

/**
 * The `--jobs` connections of one server side: opened together, shared by concurrent queries
 * (at most one query per connection at a time), closed together. Both server engines use it.
 */
export class ServerConnections<C> {
  private opened: C[] = [];
  private pool: JobPool<C> | null = null;

  constructor(
    private readonly connector: ServerConnector<C>,
    /** For the error when a side is used before open(): `PostgreSQL`, `MySQL`. */
    private readonly engineName: string,
  ) {}

  /**
   * Opens `jobs` connections, at most half of the connections the server has free (the other side
   * may use the same server, and other clients need some). Every opened connection is kept, so
   * close() ends each even when another failed to open: nothing is left idle in transaction.
   */
  async open(jobs: number): Promise<number> {
    const first = await this.connector.first();
    this.opened.push(first);
    this.pool = new JobPool(this.opened);
    let wanted = jobs;
    if (jobs > 1) {
      // The free count already excludes this first connection; the other side may take the other half.
      const free = await this.connector.free(first);
      wanted = Math.max(1, Math.min(jobs, Math.floor(Math.max(0, Number(free)) / 2)));
    }
    const rest = await Promise.allSettled(Array.from({ length: wanted - 1 }, () => this.connector.more()));
    for (const r of rest) if (r.status === 'fulfilled') this.opened.push(r.value);
    this.pool = new JobPool(this.opened);
    const failed = rest.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return this.opened.length;
  }

  /** Runs work on a free connection, waiting for one when all are busy. */
  run<R>(work: (connection: C) => Promise<R>): Promise<R> {
    if (!this.pool) throw new Error(`${this.engineName} side used before open()`);
    return this.pool.run(work);
  }

  /** Every open connection (for byte counts). */
  get connections(): readonly C[] {
    return this.opened;
  }

  async close(): Promise<void> {
    await Promise.all(this.opened.map((connection) => this.connector.end(connection).catch(() => {})));
    this.opened = [];
    this.pool = null;
  }
}
