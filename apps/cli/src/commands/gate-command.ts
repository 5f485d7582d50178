import {
  CHANGE_SEVERITIES,
  migrationSeries,
  ruleCatalog,
  splitMigrationSections,
  UsageError,
  type ChangeSeverity,
  type PluginRegistry,
} from '@migration-architect/core';
import { defineCommand } from 'citty';
import packageJson from '../../package.json' with { type: 'json' };
import { readLedger } from '../config/read-ledger.js';
import { writeFilesAtomically, type OutputFile } from '../io/write-output.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const PACKAGE = '@migration-architect/gate';
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github', 'codequality', 'junit'] as const;
type GateFormat = (typeof FORMATS)[number];

const args = {
  base: {
    type: 'string',
    description: 'Compare with the merge base of this ref (default: GITHUB_BASE_REF in Actions, else the upstream default branch)',
    valueHint: 'ref',
  },
  head: { type: 'string', description: 'Check this ref instead of the working tree', valueHint: 'ref' },
  paths: { type: 'string', description: 'Only consider changed files matching these globs (comma-separated)', valueHint: 'glob,…' },
  'fail-on': {
    type: 'string',
    description: 'Lowest severity that fails the gate: breaking, potentially_breaking (default), non_breaking, additive, or none',
    valueHint: 'severity',
  },
  'dry-run': { type: 'boolean', description: 'List what would be checked and why, and what is left out and why; check nothing' },
  'dev-url': {
    type: 'string',
    description: 'Replay migrations on this PostgreSQL server instead of the embedded one (nothing cached)',
    valueHint: 'postgres://…',
  },
  ledger: { type: 'string', description: 'The acceptance ledger file (default: migration-architect.accepted.yaml beside the config)', valueHint: 'file' },
  format: { type: 'string', alias: 'f', description: `What stdout gets: ${FORMATS.join(', ')} (default text)`, valueHint: 'format' },
  output: { type: 'string', alias: 'o', description: 'Write the --format output to this file instead of stdout', valueHint: 'file' },
  'markdown-file': { type: 'string', description: 'Also write the pull-request comment (Markdown, at most 65,536 characters) here', valueHint: 'file' },
  'sarif-file': { type: 'string', description: 'Also write SARIF 2.1.0 (GitHub code scanning) here', valueHint: 'file' },
  'json-file': { type: 'string', description: 'Also write the full result as JSON here', valueHint: 'file' },
  'junit-file': { type: 'string', description: 'Also write JUnit XML here', valueHint: 'file' },
  'code-quality-file': { type: 'string', description: 'Also write GitLab Code Quality JSON here', valueHint: 'file' },
  ...globalArgs,
} as const;

type GateModule = typeof import('@migration-architect/gate');

/** The engine lives in its own package (git, replays): the CLI loads it when `gate` runs. */
async function loadGate(): Promise<GateModule> {
  try {
    return await import('@migration-architect/gate');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(PACKAGE)) {
      throw new UsageError(`gate needs the package ${PACKAGE}; install it next to the CLI (npm i ${PACKAGE})`);
    }
    throw error;
  }
}

/**
 * Migration folders come from the registry: every loaded plugin's `migrationLayouts` find and order
 * them. Replaying needs the database plugin's replayer (the layouts' checker), loaded only then.
 */
async function loadHistorySupport(registry: PluginRegistry): Promise<import('@migration-architect/gate').MigrationHistorySupport | undefined> {
  const layouts = registry.migrationLayouts();
  const checker = layouts[0]?.checker;
  if (!checker) return undefined;
  try {
    // A literal specifier, so the single-folder build can bundle the plugin.
    const db = (await import('@migration-architect/plugin-database')) as Record<string, unknown>;
    if (typeof db.createHistoryReplayer !== 'function') return undefined;
    const sectioned = registry.migrationLayouts(checker);
    return {
      checker,
      migrationSeries: (paths, textOf) => migrationSeries(sectioned, paths, textOf),
      dbmateSections: (text) => splitMigrationSections(sectioned, text) ?? { up: text, down: null },
      createHistoryReplayer: db.createHistoryReplayer as never,
    };
  } catch {
    return undefined;
  }
}

function failThreshold(value: string | undefined): ChangeSeverity | 'none' {
  if (value === undefined) return 'potentially_breaking';
  if (value === 'none' || (CHANGE_SEVERITIES as readonly string[]).includes(value)) return value as ChangeSeverity | 'none';
  throw new UsageError(`--fail-on must be one of ${CHANGE_SEVERITIES.join(', ')} or none; got "${value}"`);
}

function gateFormat(value: string | undefined): GateFormat {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as GateFormat;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${value}"`);
}

export function gateCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: {
      name: 'gate',
      description: 'Check everything a branch changes (migrations replayed, schemas, APIs) against its base in one report; exit 0, 1 or 2 like check',
    },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = gateFormat(parsed.format);
      const failOn = failThreshold(parsed['fail-on']);
      const devUrl = parsed['dev-url'];
      if (devUrl !== undefined && !/^postgres(ql)?:\/\//i.test(devUrl))
        throw new UsageError(`--dev-url expects a postgres:// URL; got "${devUrl.replace(/:[^:@/]*@/, ':***@')}"`);
      const paths = parsed.paths
        ?.split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const gate = await loadGate();
      const { registry, config, configFile } = await runtime.loadContext(parsed.config);
      const history = await loadHistorySupport(registry);
      const request = {
        registry,
        cwd: runtime.io.cwd,
        env: runtime.io.env,
        base: parsed.base,
        head: parsed.head,
        config: config.gate,
        paths,
        ruleOverrides: config.rules,
        failOn,
        clock: runtime.clock,
        history,
        devUrl,
        toolVersion: packageJson.version,
        progress: (line: string) => runtime.io.stderr(`${line}\n`),
      };
      if (parsed['dry-run']) {
        const plan = await gate.planGate(request);
        const text = format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : gate.renderGatePlanText(plan);
        if (parsed.output) await writeFilesAtomically([{ path: parsed.output, content: text }], runtime.io.cwd);
        else runtime.io.stdout(text);
        return;
      }
      const ledger = await readLedger(runtime.io.cwd, parsed.ledger, config.gate?.ledger, configFile);
      const accepted = [...(config.accepted ?? []), ...ledger.entries];
      const result = await gate.runGate({
        ...request,
        accepted,
        acceptanceSources: [...(config.accepted?.length && configFile ? [configFile] : []), ...(ledger.file ? [ledger.file] : [])],
        ledgerFile: ledger.file ?? configFile,
      });
      for (const input of result.inputs) if (input.error) runtime.io.stderr(`migration-architect: error: ${input.error}\n`);
      const rules = ruleCatalog(registry);
      const render: Record<GateFormat, () => string> = {
        text: () => gate.renderGateText(result),
        json: () => `${JSON.stringify(result, null, 2)}\n`,
        markdown: () => gate.renderGateMarkdown(result, { fullReport: parsed['json-file'] ?? parsed['sarif-file'] }),
        sarif: () => gate.renderGateSarif(result, rules),
        github: () => gate.renderGateAnnotations(result),
        codequality: () => gate.renderGateCodeQuality(result),
        junit: () => gate.renderGateJunit(result),
      };
      const files: OutputFile[] = [];
      const also = (path: string | undefined, kind: GateFormat) => path && files.push({ path, content: render[kind]() });
      also(parsed['markdown-file'], 'markdown');
      also(parsed['sarif-file'], 'sarif');
      also(parsed['json-file'], 'json');
      also(parsed['junit-file'], 'junit');
      also(parsed['code-quality-file'], 'codequality');
      also(parsed.output, format);
      if (files.length) await writeFilesAtomically(files, runtime.io.cwd);
      if (!parsed.output) runtime.io.stdout(render[format]());
      runtime.exitCode = result.exit_code;
    },
  });
}
