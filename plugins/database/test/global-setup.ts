import type { TestProject } from 'vitest/node';
import { provideThrowawayPostgres } from '../../../tooling/postgres/throwaway-postgres.js';

/** The replay and live-source tests run on a real PostgreSQL. */
export default function setup(project: TestProject) {
  return provideThrowawayPostgres(project, 'ma-pg-');
}
