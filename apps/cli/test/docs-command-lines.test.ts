import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnCli, tempDir } from './harness.js';

/**
 * Every `migration-architect ...` line quoted in a shell block of the README, the docs and the
 * package READMEs is run, in order per page, in a folder where `examples/` is the repository's.
 * A line whose inputs are all there must succeed (check and reconcile may give their verdict);
 * a line naming a file of the reader's own (`spec.yaml`) must fail only because that file is
 * missing (66), never on a flag the CLI does not take (64). Lines that need a database server are
 * listed, not run.
 */
const PAGES = [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'apps/cli/README.md',
  ...['database', 'service', 'infrastructure'].map((p) => `plugins/${p}/README.md`).filter((p) => existsSync(join(repoRoot, p))),
];

/** Verdicts that are not failures: check's 1/2 (and 3 for --verify), reconcile's 1. */
const VERDICTS: Record<string, number[]> = { check: [0, 1, 2], reconcile: [0, 1] };

interface CommandLine {
  page: string;
  line: number;
  text: string;
}

function commandLines(page: string): CommandLine[] {
  const lines = readFileSync(join(repoRoot, page), 'utf8').split('\n');
  const found: CommandLine[] = [];
  let inFence = false;
  let inShell = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/^\s*```/.test(raw)) {
      inShell = !inFence && /^\s*```(sh|bash|shell|console)?\s*$/.test(raw);
      inFence = !inFence;
      continue;
    }
    if (!inShell) continue;
    let text = raw.trim().replace(/^\$ /, '');
    let j = i;
    while (text.endsWith('\\') && j + 1 < lines.length) text = `${text.slice(0, -1).trim()} ${lines[++j]!.trim()}`;
    text = text.replace(/^(npx|pnpm exec|pnpm dlx)\s+/, '');
    if (!text.startsWith('migration-architect ')) continue;
    // Synopses (`plan [SPEC] [-o FILE]`, `spec|plan|report`) describe syntax; they are not commands.
    if (/\[|\]|\bSPEC\b|\bBEFORE\b|\bFILE\b|\bURL\b|<command>/.test(text) || /\s\S+\|\S+/.test(text.replace(/#.*$/, ''))) continue;
    found.push({ page, line: i + 1, text: text.replace(/\s+#.*$/, '').trim() });
  }
  return found;
}

/** Splits a command line as a shell would for these simple lines: words, quotes, one `> file`. */
function parse(text: string): { argv: string[]; stdoutTo?: string } {
  const words = [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const redirect = words.indexOf('>');
  const stdoutTo = redirect >= 0 ? words[redirect + 1] : undefined;
  const argv = (redirect >= 0 ? words.slice(0, redirect) : words).slice(1);
  return { argv, ...(stdoutTo ? { stdoutTo } : {}) };
}

/**
 * `gate` lines run in a repository as a reader's would be: a commit on main, `origin/main` (the
 * default base) and a `feature` branch (the docs' `--head feature`); with nothing changed, they pass.
 */
function gitRepository(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=docs', '-c', 'user.email=docs@example.com', 'commit', '-q', '--allow-empty', '-m', 'base');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('branch', 'feature');
}

const needsServer = (text: string) => /\b(postgres(ql)?|mysql):\/\//.test(text) || /--dev-url/.test(text);

describe('command lines quoted in the docs', { timeout: 600_000 }, () => {
  const all = PAGES.flatMap(commandLines);

  it('finds the quoted command lines', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  for (const page of PAGES) {
    const lines = all.filter((c) => c.page === page && !needsServer(c.text));
    if (!lines.length) continue;
    it(`${page}: every line runs, or fails only for a file of the reader's own`, () => {
      const dir = tempDir();
      symlinkSync(join(repoRoot, 'examples'), join(dir, 'examples'));
      if (lines.some((c) => c.text.startsWith('migration-architect gate'))) gitRepository(dir);
      const problems: string[] = [];
      for (const { line, text } of lines) {
        const { argv, stdoutTo } = parse(text);
        const result = spawnCli(argv, { cwd: dir });
        if (stdoutTo) writeFileSync(join(dir, stdoutTo), result.stdout);
        const ok = [...(VERDICTS[argv[0]!] ?? [0])];
        // 66 only counts as expected for a file or folder (`manifests/`) of the reader's own that is not here, named in the error.
        const missingInput =
          result.code === 66 &&
          argv.some(
            (a) =>
              (/\.\w+$/.test(a) || a.endsWith('/')) && !a.startsWith('-') && !existsSync(join(dir, a.replace(/^sqlite:/, ''))) && result.stderr.includes(a),
          );
        if (!ok.includes(result.code) && !missingInput) {
          problems.push(`${relative(repoRoot, join(repoRoot, page))}:${line}: \`${text}\` exited ${result.code}: ${result.stderr.trim().split('\n').at(-1)}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
