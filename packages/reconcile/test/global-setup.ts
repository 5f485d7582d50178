import type { TestProject } from 'vitest/node';
import { provideThrowawayMariadb } from '../../../tooling/mariadb/throwaway-mariadb.js';
import { provideThrowawayPostgres } from '../../../tooling/postgres/throwaway-postgres.js';

/** The engine tests compare real databases: a PostgreSQL and a MariaDB server on loopback. */
export default async function setup(project: TestProject) {
  const stops = [await provideThrowawayPostgres(project, 'ma-reconcile-pg-'), await provideThrowawayMariadb(project, 'ma-reconcile-mariadb-')];
  return () => {
    for (const stop of stops) stop?.();
  };
}
