import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../postgres/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mariadbUrl: string;
  }
}

const script = join(import.meta.dirname, '../../scripts/mariadb/throwaway-server.sh');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A vitest global setup for suites that need a real MariaDB: it provides `mariadbUrl`
 * (`mysql://user:password@127.0.0.1:port/mysql`, a user that may create databases). Uses
 * MA_TEST_MARIADB_URL when given; otherwise starts a throwaway server on loopback
 * (scripts/mariadb/throwaway-server.sh, which installs Debian's mariadb-server as root when
 * missing) and stops it however the run ends, like the PostgreSQL one.
 */
export async function provideThrowawayMariadb(project: TestProject, folderPrefix: string): Promise<(() => void) | undefined> {
  const given = process.env['MA_TEST_MARIADB_URL'];
  if (given) {
    project.provide('mariadbUrl', given);
    return undefined;
  }
  const root = mkdtempSync(join(tmpdir(), folderPrefix));
  const datadir = join(root, 'data');
  let running = true;
  const stop = (): void => {
    if (!running) return;
    running = false;
    process.off('exit', stop);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    try {
      execFileSync('bash', [script, 'stop', datadir], { stdio: 'inherit' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  function onSignal(signal: NodeJS.Signals): void {
    stop();
    process.exitCode ??= 128 + constants.signals[signal];
    process.exit();
  }
  process.once('exit', stop);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  try {
    const url = execFileSync('bash', [script, 'start', datadir, String(await freePort()), String(process.pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    project.provide('mariadbUrl', url);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
