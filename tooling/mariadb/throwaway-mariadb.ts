import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provideThrowawayServer } from '../throwaway-server/provide-throwaway-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mariadbUrl: string;
  }
}

/**
 * A vitest global setup for suites that need a real MariaDB: it provides `mariadbUrl`
 * (`mysql://user:password@127.0.0.1:port/mysql`, a user that may create databases). Uses
 * MA_TEST_MARIADB_URL when given; otherwise starts a throwaway server on loopback
 * (scripts/mariadb/throwaway-server.sh, which installs Debian's mariadb-server as root when
 * missing) and stops it however the run ends, like the PostgreSQL one.
 */
export function provideThrowawayMariadb(project: TestProject, folderPrefix: string): Promise<(() => void) | undefined> {
  return provideThrowawayServer(project, {
    key: 'mariadbUrl',
    urlVariable: 'MA_TEST_MARIADB_URL',
    script: join(import.meta.dirname, '../../scripts/mariadb/throwaway-server.sh'),
    folderPrefix,
  });
}
