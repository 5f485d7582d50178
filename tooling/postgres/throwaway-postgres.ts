import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

const script = join(import.meta.dirname, '../../scripts/postgres/throwaway-server.sh');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A vitest global setup for suites that need a real PostgreSQL: it provides `postgresUrl`. Use
 * MA_TEST_PG_URL when given (a server whose user may create databases); otherwise start a
 * throwaway one on loopback (scripts/postgres/throwaway-server.sh) and stop it after.
 *
 * The server is stopped and its folder removed however the run ends: at teardown, on exit, on
 * SIGINT / SIGTERM / SIGHUP (vitest skips teardown then), and, if this process is killed outright,
 * by the script's watcher, which stops the server once this process is gone.
 */
export async function provideThrowawayPostgres(project: TestProject, folderPrefix: string): Promise<(() => void) | undefined> {
  const given = process.env['MA_TEST_PG_URL'];
  if (given) {
    project.provide('postgresUrl', given);
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
    project.provide('postgresUrl', url);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
