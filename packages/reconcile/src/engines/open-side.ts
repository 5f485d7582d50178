import type { ConnectionTarget } from '../connection/connection-target.js';
import type { EngineSide } from './engine-side.js';

/** The side for a target; each engine's module (and so its driver) loads only when a URL needs it. */
export async function createSide(target: ConnectionTarget): Promise<EngineSide> {
  if (target.engine === 'sqlite') {
    const { SqliteSide } = await import('./sqlite/sqlite-side.js');
    return new SqliteSide(target);
  }
  if (target.engine === 'mysql') {
    const { MysqlSide } = await import('./mysql/mysql-side.js');
    return new MysqlSide(target);
  }
  const { PostgresSide } = await import('./postgres/postgres-side.js');
  return new PostgresSide(target);
}
