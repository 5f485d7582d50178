import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, examples, repoRoot, tempDir } from './harness.js';

/*
 * Progress output is for people at a terminal only. These runs give the CLI a real pseudo-terminal
 * with util-linux `script` (no mock of `isTTY`), then the same command with stderr piped and
 * redirected to a file: the bar (and the "using the installed built-in plugins" note) must appear
 * on the terminal and never in a pipe or a file.
 */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const source = join(examples, 'reconcile/source.db');
const target = join(examples, 'reconcile/target.db');
const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The environment of a person at a terminal: no CI marker, colours allowed. */
function terminalEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
  delete env.CI;
  delete env.GITHUB_ACTIONS;
  delete env.NO_COLOR;
  return env;
}

function reconcileArgs(report: string): string[] {
  return [binPath, 'reconcile', '--source', source, '--target', target, '--tables', 'all', '-o', report, '--format', 'markdown'];
}

describe.skipIf(!hasScript)('progress on a terminal only (spawned under a pseudo-terminal)', () => {
  it('reconcile draws its progress bar on a TTY', () => {
    const dir = tempDir();
    const report = join(dir, 'report.md');
    const command = [process.execPath, ...reconcileArgs(report)].map(shellQuote).join(' ');
    // -e: script exits with the command's code; the terminal's output (stdout and stderr) is captured.
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: terminalEnv(), encoding: 'utf8' });
    expect(run.status).toBe(1); // planted differences
    expect(run.stdout).toContain('customers hashing [');
    expect(run.stdout).toMatch(/order_lines reading differing rows \[[^\]]*\] 100% 1199\/1199 rows/);
    expect(run.stdout).toContain('\u001b[?25l'); // the bar hides the cursor while it draws...
    expect(run.stdout).toContain('\u001b[?25h'); // ...and shows it again
    expect(readFileSync(report, 'utf8')).toContain('customers');
  });

  it('the built-in plugins note appears on a TTY when no config chose them', () => {
    const command = [process.execPath, binPath, 'plan', join(examples, 'sample_service_migration.json'), '-o', join(tempDir(), 'plan.json')]
      .map(shellQuote)
      .join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: terminalEnv(), encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('using the installed built-in plugins: service');
  });

  it('neither appears when stderr is a pipe or a file', () => {
    const dir = tempDir();
    const piped = spawnSync(process.execPath, reconcileArgs(join(dir, 'piped.md')), { cwd: repoRoot, env: terminalEnv(), encoding: 'utf8' });
    expect(piped.status).toBe(1);
    expect(piped.stderr).not.toContain('hashing');
    expect(piped.stderr).not.toContain('\u001b[');

    const log = join(dir, 'stderr.log');
    const command = `${[process.execPath, ...reconcileArgs(join(dir, 'file.md'))].map(shellQuote).join(' ')} 2>${shellQuote(log)}`;
    // Still under a terminal (stdout is one), but stderr goes to a file.
    const toFile = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: terminalEnv(), encoding: 'utf8' });
    expect(toFile.status).toBe(1);
    const written = readFileSync(log, 'utf8');
    expect(written).not.toContain('hashing');
    expect(written).not.toContain('\u001b[');
    expect(toFile.stdout).not.toContain('hashing');

    const plan = spawnSync(process.execPath, [binPath, 'plan', join(examples, 'sample_service_migration.json'), '-o', join(dir, 'plan.json')], {
      cwd: repoRoot,
      env: terminalEnv(),
      encoding: 'utf8',
    });
    expect(plan.status).toBe(0);
    expect(plan.stderr).not.toContain('using the installed built-in plugins');
  });

  it('no bar on a terminal in CI (CI is set)', () => {
    const dir = tempDir();
    const command = [process.execPath, ...reconcileArgs(join(dir, 'ci.md'))].map(shellQuote).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...terminalEnv(), CI: 'true' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('hashing');
  });
});
