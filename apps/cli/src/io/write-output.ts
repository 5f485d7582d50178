import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OutputError } from '@migration-architect/core';

export interface OutputFile {
  path: string;
  content: string;
}

/** True for an existing target that is not a regular file: a device (`/dev/null`, `/dev/stdout`), a FIFO, a socket. */
async function isSpecialFile(target: string): Promise<boolean> {
  try {
    return !(await stat(target)).isFile();
  } catch {
    return false;
  }
}

/**
 * Writes every file to a temporary name beside it, then renames them into place, so a reader
 * never sees a half-written document and a failure leaves the old files untouched. A device or
 * a pipe (`-o /dev/null`, `-o /dev/stdout`) is written directly: renaming over it would replace
 * the device itself.
 */
export async function writeFilesAtomically(files: OutputFile[], cwd: string): Promise<void> {
  const staged: { temp: string; target: string; shown: string }[] = [];
  // The file being written when something fails: the one the message must name.
  let current = files[0]?.path;
  try {
    for (const file of files) {
      current = file.path;
      const target = resolve(cwd, file.path);
      if (await isSpecialFile(target)) {
        await writeFile(target, file.content, 'utf8');
        continue;
      }
      const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      staged.push({ temp, target, shown: file.path });
      await writeFile(temp, file.content, { encoding: 'utf8', flag: 'wx' });
    }
    for (const { temp, target, shown } of staged) {
      current = shown;
      await rename(temp, target);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : (error as Error).message;
    throw new OutputError(`cannot write output: ${reason}`, { file: current });
  }
}
