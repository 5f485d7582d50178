// The PostgreSQL the corpus measurements run on: MA_TEST_PG_URL when given, otherwise a throwaway
// server (scripts/postgres/throwaway-server.sh) on a free loopback port, stopped when the process ends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The server's URL, and how to stop it when this script started it. */
export async function provideServer(folderPrefix) {
  if (process.env.MA_TEST_PG_URL) return { url: process.env.MA_TEST_PG_URL, stop: () => {} };
  const script = join(import.meta.dirname, '../postgres/throwaway-server.sh');
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  const datadir = join(folder, 'data');
  const url = execFileSync('bash', [script, 'start', datadir, String(await freePort()), String(process.pid)], { encoding: 'utf8' }).trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    execFileSync('bash', [script, 'stop', datadir], { stdio: 'inherit' });
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  return { url, stop };
}

/** The same server's URL for another database. */
export function databaseUrl(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
