import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputMissingError, UsageError } from '@migration-architect/core';

/** A file the branch changed, as git names it (paths relative to the repository root, `/` separated). */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'deleted';
}

/** Runs git in the repository; resolves to stdout, or null when git exits non-zero and `allowFailure` is set. */
function git(cwd: string, args: string[], allowFailure = false): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout.toString('utf8'));
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new UsageError('gate needs git on the PATH'));
      if (allowFailure) return resolve(null);
      reject(new UsageError(`git ${args[0]} failed: ${stderr.toString('utf8').trim().split('\n')[0] || error.message}`));
    });
  });
}

/**
 * The repository the gate reads: the base version of every file from git (`git show`), the head
 * version from the working tree or from `--head REF`. No second checkout.
 */
export class GitRepository {
  private constructor(
    /** Absolute path of the repository root. */
    readonly root: string,
  ) {}

  static async open(cwd: string): Promise<GitRepository> {
    const root = await git(cwd, ['rev-parse', '--show-toplevel'], true);
    if (root === null) throw new UsageError(`not inside a git repository: ${cwd}`);
    return new GitRepository(root.trim());
  }

  /** The commit a ref names, or null when it names none. */
  async commit(ref: string): Promise<string | null> {
    const out = await git(this.root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], true);
    return out === null ? null : out.trim();
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const out = await git(this.root, ['merge-base', a, b], true);
    return out === null ? null : out.trim();
  }

  /**
   * The upstream default branch: `origin/HEAD` when the clone knows it, else the first of
   * origin/main, origin/master, main, master that exists.
   */
  async defaultBranch(): Promise<string | null> {
    const head = await git(this.root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], true);
    if (head) return head.trim().replace(/^refs\/remotes\//, '');
    for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) if (await this.commit(candidate)) return candidate;
    return null;
  }

  /** Files that differ between `base` and the head (`head` null: the working tree, untracked files included). */
  async changedFiles(base: string, head: string | null): Promise<ChangedFile[]> {
    const diff = await git(this.root, ['diff', '--name-status', '--no-renames', '-z', base, ...(head ? [head] : []), '--']);
    const fields = diff!.split('\0').filter((f) => f !== '');
    const files: ChangedFile[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const code = fields[i]!.charAt(0);
      const status = code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified';
      files.push({ path: fields[i + 1]!, status });
    }
    if (head === null) {
      const untracked = await git(this.root, ['ls-files', '--others', '--exclude-standard', '-z']);
      for (const path of untracked!.split('\0').filter(Boolean)) files.push({ path, status: 'added' });
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Every file of a tree (`ref` null: the working tree's tracked and untracked files). */
  async files(ref: string | null): Promise<string[]> {
    const out = ref
      ? await git(this.root, ['ls-tree', '-r', '-z', '--name-only', ref])
      : await git(this.root, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']);
    return [...new Set(out!.split('\0').filter(Boolean))].sort();
  }

  /** Many files' text at once (`git cat-file --batch` for a ref, the file system for the working tree); absent files are left out. */
  async readMany(ref: string | null, paths: string[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    if (paths.length === 0) return texts;
    if (ref === null) {
      await Promise.all(
        paths.map(async (path) => {
          const text = await this.read(null, path);
          if (text !== null) texts.set(path, text);
        }),
      );
      return texts;
    }
    const output = await new Promise<Buffer>((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, stdio: ['pipe', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(chunks)));
      child.stdin.end(paths.map((path) => `${ref}:${path}\n`).join(''));
    });
    let offset = 0;
    for (const path of paths) {
      const newline = output.indexOf(10, offset);
      if (newline < 0) break;
      const header = output.subarray(offset, newline).toString('utf8');
      offset = newline + 1;
      const match = /^\S+ (\w+) (\d+)$/.exec(header);
      if (!match) continue; // `<object> missing`
      const size = Number(match[2]);
      if (match[1] === 'blob')
        texts.set(
          path,
          output
            .subarray(offset, offset + size)
            .toString('utf8')
            .replace(/^\uFEFF/, ''),
        );
      offset += size + 1;
    }
    return texts;
  }

  /** A file's text at `ref` (`git show ref:path`), or in the working tree when `ref` is null; null when absent. */
  async read(ref: string | null, path: string): Promise<string | null> {
    if (ref === null) {
      try {
        return (await readFile(join(this.root, path), 'utf8')).replace(/^\uFEFF/, '');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return null;
        throw new InputMissingError(`cannot read: ${(error as Error).message}`, { file: path });
      }
    }
    const out = await git(this.root, ['show', `${ref}:${path}`], true);
    return out === null ? null : out.replace(/^\uFEFF/, '');
  }
}

/** Where the base came from, for the report: the ref the user (or CI) named and the commit compared with. */
export interface ResolvedBase {
  ref: string;
  commit: string;
  /** `--base`, `GITHUB_BASE_REF`, or `default branch`. */
  from: string;
}

/**
 * The base of the comparison: the merge base of the head with `--base REF`, with
 * `origin/$GITHUB_BASE_REF` in GitHub Actions pull requests, or with the upstream default branch.
 */
export async function resolveBase(
  repo: GitRepository,
  options: { base?: string | undefined; head?: string | undefined; env: Record<string, string | undefined> },
): Promise<ResolvedBase> {
  const headRef = options.head ?? 'HEAD';
  let ref: string | null;
  let from: string;
  if (options.base) {
    ref = options.base;
    from = '--base';
  } else if (options.env.GITHUB_BASE_REF) {
    const name = options.env.GITHUB_BASE_REF;
    ref = (await repo.commit(`origin/${name}`)) ? `origin/${name}` : name;
    from = 'GITHUB_BASE_REF';
  } else {
    ref = await repo.defaultBranch();
    from = 'default branch';
    if (!ref) throw new UsageError('cannot tell the base branch (no origin/HEAD, main or master): give --base REF');
  }
  if (!(await repo.commit(ref))) {
    throw new UsageError(
      `the base "${ref}" (${from}) names no commit${from === 'GITHUB_BASE_REF' ? '; fetch it first (actions/checkout with fetch-depth: 0)' : ''}`,
    );
  }
  const commit = (await repo.mergeBase(ref, headRef)) ?? (await repo.commit(ref))!;
  return { ref, commit, from };
}
