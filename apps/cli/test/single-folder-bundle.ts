import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './harness.js';

/** Temporary folders for one test file, removed by `removeAll` (its afterAll). */
export function temporaryFolders(prefix: string): { folder: () => string; removeAll: () => void } {
  const made: string[] = [];
  return {
    folder: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the single-folder CLI (scripts/bundle/build-bundle.mjs; `pnpm bundle` is not part of CI)
 * into one folder and copies it into another, as a user would copy it, so nothing in it can
 * point back at the build or resolve from the workspace's node_modules. `snapshot: false` skips
 * building the start-up blob, which only the launcher's tests need. Returns the copy's folder.
 */
export function buildSingleFolder(folder: () => string, options: { snapshot: boolean }): string {
  const built = folder();
  execFileSync(process.execPath, [join(repoRoot, 'scripts/bundle/build-bundle.mjs')], {
    env: { ...process.env, MIGRATION_ARCHITECT_BUNDLE_DIR: built, ...(options.snapshot ? {} : { MIGRATION_ARCHITECT_SNAPSHOT: 'off' }) },
    stdio: 'pipe',
  });
  const cliDir = join(folder(), 'migration-architect');
  cpSync(built, cliDir, { recursive: true });
  return cliDir;
}
