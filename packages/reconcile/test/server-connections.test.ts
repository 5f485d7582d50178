import { describe, expect, it } from 'vitest';
import { ServerConnections, type ServerConnector } from '../src/engines/server/server-connections.js';

/**
 * The connection plumbing PostgreSQL and MySQL sides share, on plain objects: how many connections
 * `--jobs` opens, that a failed one still closes the others, and that queries never share one.
 * (postgres.test.ts and mariadb.test.ts run it against the real servers.)
 */
interface Fake {
  id: number;
  ended: boolean;
  busy: boolean;
}

function connector(options: { free: number; failAt?: number }) {
  const made: Fake[] = [];
  const log: string[] = [];
  let attempts = 0;
  const open = async (): Promise<Fake> => {
    const id = ++attempts;
    if (id === options.failAt) throw new Error(`connection ${id} refused`);
    const c = { id, ended: false, busy: false };
    made.push(c);
    return c;
  };
  const side: ServerConnector<Fake> = {
    first: async () => {
      log.push('first');
      return open();
    },
    more: async () => {
      log.push('more');
      return open();
    },
    free: async (first) => {
      log.push(`free asked on ${first.id}`);
      return options.free;
    },
    end: async (c) => {
      c.ended = true;
    },
  };
  return { side, made, log };
}

describe('ServerConnections', () => {
  it('opens one connection for --jobs 1 without asking the server how many are free', async () => {
    const { side, log } = connector({ free: 100 });
    const servers = new ServerConnections(side, 'PostgreSQL');
    expect(await servers.open(1)).toBe(1);
    expect(log).toEqual(['first']);
  });

  it('opens at most half of the free connections, and at least one', async () => {
    const wide = connector({ free: 7 });
    expect(await new ServerConnections(wide.side, 'MySQL').open(8)).toBe(3);
    expect(wide.log).toEqual(['first', 'free asked on 1', 'more', 'more']);
    expect(await new ServerConnections(connector({ free: 0 }).side, 'MySQL').open(8)).toBe(1);
    expect(await new ServerConnections(connector({ free: -3 }).side, 'MySQL').open(4)).toBe(1);
    expect(await new ServerConnections(connector({ free: 100 }).side, 'MySQL').open(4)).toBe(4);
  });

  it('keeps the connections that opened when one fails, so close() ends every one', async () => {
    const { side, made } = connector({ free: 100, failAt: 3 });
    const servers = new ServerConnections(side, 'PostgreSQL');
    await expect(servers.open(4)).rejects.toThrow('connection 3 refused');
    expect(servers.connections.map((c) => c.id)).toEqual([1, 2, 4]);
    await servers.close();
    expect(made.map((c) => c.ended)).toEqual([true, true, true]);
    expect(servers.connections).toEqual([]);
  });

  it('runs one query per connection at a time, and refuses work before open()', async () => {
    const { side } = connector({ free: 4 });
    const servers = new ServerConnections(side, 'PostgreSQL');
    expect(() => servers.run(async () => 1)).toThrow('PostgreSQL side used before open()');
    await servers.open(2);
    let overlap = false;
    const used = await Promise.all(
      Array.from({ length: 6 }, () =>
        servers.run(async (c) => {
          if (c.busy) overlap = true;
          c.busy = true;
          await new Promise((resolve) => setImmediate(resolve));
          c.busy = false;
          return c.id;
        }),
      ),
    );
    expect(overlap).toBe(false);
    expect(new Set(used)).toEqual(new Set([1, 2]));
  });
});
