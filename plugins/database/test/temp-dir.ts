import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh empty folder in the system's temporary directory, removed when the calling test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ma-db-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
