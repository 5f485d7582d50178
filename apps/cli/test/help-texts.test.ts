import { describe, expect, it } from 'vitest';
import { documentFormats } from '@migration-architect/core';
import { reconcileFormats } from '@migration-architect/reconcile';
import type { CommandDef } from 'citty';
import { RECONCILE_FORMATS } from '../src/commands/reconcile-command.js';
import { formatsOf } from '../src/io/emit-document.js';
import { rootCommand } from '../src/run-cli.js';
import { cli } from './harness.js';

/** Help and usage errors list what the CLI has, not a hand-written copy that drifts. */
describe('help texts', () => {
  it('names every command, reconcile and gate included, when the command is unknown or missing', async () => {
    const unknown = await cli(['deploy']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toBe(
      'migration-architect: error: Unknown command deploy (commands: plan, check, rollback, plugins, patterns, rules, schema, reconcile or gate)\n',
    );
    const missing = await cli([]);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toBe('migration-architect: error: missing command: plan, check, rollback, plugins, patterns, rules, schema, reconcile or gate\n');
  });

  it('lists every format check accepts, html included', async () => {
    const { code, stdout } = await cli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '--format=<format>    json (default), text, markdown (with Mermaid diagrams), html (self-contained page), both (JSON plus a .txt beside it), sarif (GitHub code scanning) or github (workflow annotations)',
    );
  });

  it.each([
    [['patterns', 'recommend', '--help'], 'USAGE patterns recommend [OPTIONS] [SPEC]'],
    [['plugins', 'show', '--help'], 'USAGE plugins show [OPTIONS] [NAME]'],
    [['patterns', '--help'], 'USAGE migration-architect patterns [OPTIONS] list|recommend'],
  ])('%j prints its own help', async (argv, usage) => {
    const { code, stdout } = await cli(argv);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain(usage);
  });
});

describe('--config help', () => {
  it('lists every config file type the loader looks for', async () => {
    const { stdout } = await cli(['plan', '--help']);
    expect(stdout).toContain('migration-architect.config.{ts,mts,cts,js,mjs,cjs,json,jsonc,json5,yaml,yml,toml} in the current folder');
  });
});

/** Every leaf command of the command table, as the words that name it (`['patterns', 'recommend']`). */
function leafCommands(command: CommandDef, path: string[] = []): string[][] {
  const subs = Object.entries((command.subCommands ?? {}) as Record<string, CommandDef>);
  if (subs.length === 0) return [path];
  return subs.flatMap(([name, sub]) => leafCommands(sub, [...path, name]));
}

describe('help lists what each command accepts, from the command table and the format registry', () => {
  const root = rootCommand({ io: {} as never, clock: {} as never, exitCode: 0, loadContext: () => Promise.reject(new Error('not loaded')) });
  const commands = leafCommands(root);

  it('the top help names every command of the table', async () => {
    const { stdout } = await cli(['--help']);
    expect(commands.length).toBeGreaterThanOrEqual(9);
    for (const name of Object.keys(root.subCommands as object)) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
  });

  // Commands that read their other arguments before the format get valid ones, so the format is what fails.
  const otherArguments: Record<string, string[]> = {
    'plugins show': ['database'],
    'patterns recommend': ['--type', 'database', '--complexity', 'low', '--downtime', 'zero'],
  };

  it.each(commands.map((words) => [words.join(' '), words]))('%s: every format it accepts is in its --help', async (name, words) => {
    // The refusal of an unknown format names the formats the command accepts: the list its parser uses.
    const refused = await cli([...(words as string[]), ...(otherArguments[name as string] ?? []), '--format', 'no-such-format']);
    expect(refused.code).toBe(64);
    const accepted = /--format must be one of (.+); got "no-such-format"/.exec(refused.stderr)?.[1]?.split(', ');
    expect(accepted, refused.stderr).toBeDefined();
    const help = (await cli([...(words as string[]), '--help'])).stdout;
    const formatLine = help.split('\n').find((line) => /--format\b/.test(line)) ?? '';
    for (const format of accepted!) expect(formatLine, `${words.join(' ')} --help omits ${format}`).toMatch(new RegExp(`\\b${format}\\b`));
  });

  it('document commands accept exactly what the registry renders for their kind', () => {
    expect(formatsOf('plan')).toEqual(['json', 'text', 'markdown', 'html', 'both']);
    expect(formatsOf('runbook')).toEqual(['json', 'text', 'markdown', 'html', 'both']);
    expect(formatsOf('report')).toEqual(['json', 'text', 'markdown', 'html', 'both', 'sarif', 'github']);
    expect(documentFormats.kinds).toEqual(['plan', 'report', 'runbook']);
  });

  it("reconcile's --format list is the one its package contributes (named in the CLI so that --help loads no driver)", () => {
    expect([...RECONCILE_FORMATS]).toEqual(formatsOf('reconcile', reconcileFormats));
  });
});
