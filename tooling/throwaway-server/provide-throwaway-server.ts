import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { freePort } from '../postgres/free-port.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface ThrowawayServer<Key extends keyof ProvidedContext> {
  /** What the suite injects: the server's URL. */
  key: Key;
  /** A server of the user's own, used instead when this variable is set. */
  urlVariable: string;
  /** `script start DATADIR PORT OWNER_PID` prints the URL; `script stop DATADIR` stops it. */
  script: string;
  folderPrefix: string;
}

/**
 * A vitest global setup's server on loopback (PostgreSQL, MariaDB): the variable's URL when given,
 * otherwise a throwaway server started by the script. It is stopped and its folder removed however
 * the run ends: at teardown, on exit, on SIGINT / SIGTERM / SIGHUP (vitest skips teardown then), and,
 * if this process is killed outright, by the script's watcher, which stops the server once this
 * process is gone.
 */
export async function provideThrowawayServer<Key extends keyof ProvidedContext>(
  project: TestProject,
  server: ThrowawayServer<Key>,
): Promise<(() => void) | undefined> {
  const provide = (url: string) => project.provide(server.key, url as ProvidedContext[Key]);
  const given = process.env[server.urlVariable];
  if (given) {
    provide(given);
    return undefined;
  }
  const root = mkdtempSync(join(tmpdir(), server.folderPrefix));
  const datadir = join(root, 'data');
  let running = true;
  const stop = (): void => {
    if (!running) return;
    running = false;
    process.off('exit', stop);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    try {
      execFileSync('bash', [server.script, 'stop', datadir], { stdio: 'inherit' });
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
    const url = execFileSync('bash', [server.script, 'start', datadir, String(await freePort()), String(process.pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    provide(url);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
