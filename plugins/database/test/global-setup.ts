import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

const script = join(import.meta.dirname, '../../../scripts/postgres/throwaway-server.sh');

/**
 * The replay tests run generated SQL on a real PostgreSQL. Use MA_TEST_PG_URL when given (a server
 * whose user may create databases); otherwise start a throwaway one on loopback and stop it after.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env['MA_TEST_PG_URL'];
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const datadir = join(mkdtempSync(join(tmpdir(), 'ma-pg-')), 'data');
  const url = execFileSync('bash', [script, 'start', datadir, String(await freePort())], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  project.provide('postgresUrl', url);
  return () => {
    execFileSync('bash', [script, 'stop', datadir], { stdio: 'inherit' });
  };
}
