import { describe, expect, it } from 'vitest';
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
