import type { TestProject } from 'vitest/node';
import { provideThrowawayPostgres } from '../../../tooling/postgres/throwaway-postgres.js';

/** The PostgreSQL tests compare real databases. */
export default function setup(project: TestProject) {
  return provideThrowawayPostgres(project, 'ma-reconcile-pg-');
}
