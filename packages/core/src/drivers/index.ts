export { describePostgresFailure, type PostgresFailure, type PostgresSessionContext } from './postgres-failure.js';
