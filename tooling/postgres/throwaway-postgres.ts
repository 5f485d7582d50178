import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provideThrowawayServer } from '../throwaway-server/provide-throwaway-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * A vitest global setup for suites that need a real PostgreSQL: it provides `postgresUrl`. Use
 * MA_TEST_PG_URL when given (a server whose user may create databases); otherwise start a
 * throwaway one on loopback (scripts/postgres/throwaway-server.sh) and stop it after.
 */
export function provideThrowawayPostgres(project: TestProject, folderPrefix: string): Promise<(() => void) | undefined> {
  return provideThrowawayServer(project, {
    key: 'postgresUrl',
    urlVariable: 'MA_TEST_PG_URL',
    script: join(import.meta.dirname, '../../scripts/postgres/throwaway-server.sh'),
    folderPrefix,
  });
}
