import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { runCli, type CliIo } from '../src/index.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const examples = join(repoRoot, 'examples');
export const binPath = join(repoRoot, 'apps/cli/dist/bin.js');
export const fixtures = join(repoRoot, 'apps/cli/test/fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams and a fixed SOURCE_DATE_EPOCH. */
export async function cli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { SOURCE_DATE_EPOCH: '1767225600', ...options.env },
    cwd: options.cwd ?? repoRoot,
    stderrIsTty: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Runs the built binary as a user would. */
export function spawnCli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [binPath, ...argv], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh empty folder in the system's temporary directory, removed when the calling test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ma-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every key path of a JSON value, arrays collapsed to `[]`, for comparing document shapes. */
export function keyPaths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const p of keyPaths(item, `${prefix}[]`)) out.add(p);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      for (const p of keyPaths(child, path)) out.add(p);
    }
  }
  return out;
}

export function missingKeys(reference: unknown, actual: unknown): string[] {
  const have = keyPaths(actual);
  return [...keyPaths(reference)].filter((p) => !have.has(p));
}
