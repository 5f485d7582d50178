import {
  CHANGE_SEVERITIES,
  checkCompatibility,
  describeAcceptance,
  exitCodeForReport,
  fixedClock,
  verificationOutcome,
  ruleCatalog,
  UsageError,
  type ChangeSeverity,
  type Clock,
  type RenameHint,
} from '@migration-architect/core';
import { defineCommand } from 'citty';
import packageJson from '../../package.json' with { type: 'json' };
import { ledgerEntries } from '../config/read-ledger.js';
import { describeFormats, emitDocument, parseFormat, REPORT_FORMATS } from '../io/emit-document.js';
import { builtinCheckerForInputs } from '../plugins/input-claims.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, outputArgs } from './shared-args.js';

const args = {
  beforeFile: {
    type: 'positional',
    required: false,
    description: 'Schema before the change: a file (JSON, YAML, SQL), a folder or a database URL; alone, a change set such as a Terraform plan JSON',
  },
  afterFile: { type: 'positional', required: false, description: 'Schema after the change (left out for a change set)' },
  before: { type: 'string', description: 'Schema before the change (same as the first argument)', valueHint: 'file|url' },
  after: { type: 'string', description: 'Schema after the change (same as the second argument)', valueHint: 'file|url' },
  type: {
    type: 'string',
    alias: 't',
    description: 'Schema type: a checker id such as database or api (inferred from the inputs when omitted)',
    valueHint: 'type',
  },
  'target-version': {
    type: 'string',
    description: 'Version of the platform the after side is deployed to, e.g. a Kubernetes cluster version (1.32) for API removals',
    valueHint: 'version',
  },
  'fail-on': {
    type: 'string',
    description: 'Lowest severity that fails the check: breaking, potentially_breaking (default), non_breaking, additive, or none',
    valueHint: 'severity',
  },
  rename: { type: 'string', description: 'Declare a rename, e.g. users.email=users.email_address (repeatable)', valueHint: 'old=new' },
  migration: {
    type: 'string',
    description:
      'A migration file to apply to the before schema instead of an after schema: every change is traced to its statement and line, and statements are linted',
    valueHint: 'file',
  },
  verify: {
    type: 'boolean',
    description: 'Replay the migration and rollback scripts on a scratch database and compare with both schemas; exit 3 when that fails',
  },
  'dev-url': {
    type: 'string',
    description: 'Verify on this server (a scratch database is created and dropped) instead of the embedded PostgreSQL; implies --verify',
    valueHint: 'postgres://…',
  },
  now: {
    type: 'string',
    description: 'The moment dates are judged at (API sunset dates): YYYY-MM-DD or an ISO 8601 date-time; default SOURCE_DATE_EPOCH, else the system clock',
    valueHint: 'date',
  },
  stats: {
    type: 'string',
    description:
      'Table statistics to size lock risk with: a database URL or a stats file (JSON, see docs/cli.md); a database URL as --before is used without it',
    valueHint: 'url|file',
  },
  ledger: {
    type: 'string',
    description: "The acceptance ledger file (default: migration-architect.accepted.yaml beside the config); its entries and the config's accepted: apply",
    valueHint: 'file',
  },
  ...outputArgs,
  format: {
    type: 'string',
    alias: 'f',
    description: describeFormats(REPORT_FORMATS),
    valueHint: 'format',
  },
} as const;

/** Exit code of `check --verify` when a script fails, needs input, or differences remain. */
const VERIFICATION_FAILED = 3;
/** The engine could not verify (an extension it lacks) and nothing else failed. */
const NOT_VERIFIED = 4;

function pick(flag: string | undefined, positional: string | undefined, name: string): string {
  if (flag && positional && flag !== positional) throw new UsageError(`--${name} "${flag}" and the argument "${positional}" disagree; give one`);
  const file = flag ?? positional;
  if (!file) throw new UsageError(`missing the "${name}" schema: give two inputs (before after), --before and --after, or one change set (plan.json)`);
  return file;
}

/** citty keeps only the last value of a repeated flag; renames are read from the raw arguments. */
function renameHints(rawArgs: string[]): RenameHint[] {
  const values: string[] = [];
  rawArgs.forEach((arg, i) => {
    if (arg === '--rename') values.push(rawArgs[i + 1] ?? '');
    else if (arg.startsWith('--rename=')) values.push(arg.slice('--rename='.length));
  });
  return values.map((value) => {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(value);
    if (!match) throw new UsageError(`--rename expects OLD=NEW, e.g. users.email=users.email_address; got "${value}"`);
    return { from: match[1]!, to: match[2]! };
  });
}

/** `--now 2026-12-01` or `--now 2026-12-01T12:00:00Z`: a fixed clock, so a check run again later says the same. */
function nowClock(value: string | undefined, fallback: Clock): Clock {
  if (value === undefined) return fallback;
  const valid = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/.test(value) && !Number.isNaN(new Date(value).getTime());
  if (!valid) throw new UsageError(`--now expects a date (YYYY-MM-DD) or an ISO 8601 date-time such as 2026-12-01T12:00:00Z; got "${value}"`);
  return fixedClock(new Date(/T|t| /.test(value) ? value : `${value}T00:00:00Z`));
}

function failThreshold(value: string | undefined): ChangeSeverity | 'none' {
  if (value === undefined) return 'potentially_breaking';
  if (value === 'none' || (CHANGE_SEVERITIES as readonly string[]).includes(value)) return value as ChangeSeverity | 'none';
  throw new UsageError(`--fail-on must be one of ${CHANGE_SEVERITIES.join(', ')} or none; got "${value}"`);
}

export function checkCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: { name: 'check', description: 'Classify every change between two schema versions; exit 0 (compatible), 1 (potentially breaking) or 2 (breaking)' },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = parseFormat(parsed.format, REPORT_FORMATS);
      const threshold = failThreshold(parsed['fail-on']);
      const clock = nowClock(parsed.now, runtime.clock);
      const renames = renameHints(rawArgs);
      const before = pick(parsed.before, parsed.beforeFile, 'before');
      const migration = parsed.migration;
      if (migration !== undefined && (parsed.after ?? parsed.afterFile) !== undefined) throw new UsageError('give an after schema or --migration, not both');
      // No after and no migration: the one input must be a change set (a Terraform plan); core says so if it is not.
      const after = migration === undefined && (parsed.after ?? parsed.afterFile) !== undefined ? pick(parsed.after, parsed.afterFile, 'after') : undefined;
      const devUrl = parsed['dev-url'];
      if (devUrl !== undefined && !/^postgres(ql)?:\/\//i.test(devUrl))
        throw new UsageError(`--dev-url expects a postgres:// URL; got "${devUrl.replace(/:[^:@/]*@/, ':***@')}"`);
      const verify = parsed.verify === true || devUrl !== undefined ? { devUrl } : undefined;
      // With --type, only the plugin providing that checker is loaded; without, only the built-in that
      // plainly reads the inputs (a database JSON or SQL file), else inference asks them all.
      const inferred = parsed.type === undefined ? await builtinCheckerForInputs(after === undefined ? [before] : [before, after], runtime.io.cwd) : undefined;
      const checker = parsed.type ?? inferred;
      const { registry, config, configFile } = await runtime.loadContext(parsed.config, checker === undefined ? undefined : { checker });
      const accepted = await ledgerEntries(runtime.io.cwd, parsed.ledger, config, configFile);
      const report = await checkCompatibility(registry, {
        before,
        after,
        migration,
        type: parsed.type,
        cwd: runtime.io.cwd,
        clock,
        ruleOverrides: config.rules,
        renames,
        verify,
        targetVersion: parsed['target-version'],
        stats: parsed.stats,
        accepted,
      });
      for (const warning of report.warnings ?? []) runtime.io.stderr(`migration-architect: warning: ${warning}\n`);
      // Expired entries fail the check and name themselves; stale ones are pointed out so the ledger does not rot.
      for (const entry of report.acceptance?.expired ?? [])
        runtime.io.stderr(`migration-architect: error: accepted finding expired on ${entry.expires}: ${describeAcceptance(entry)}; renew it or remove it\n`);
      for (const entry of report.acceptance?.unmatched ?? [])
        runtime.io.stderr(`migration-architect: warning: accepted finding matched nothing: ${describeAcceptance(entry)}\n`);
      await emitDocument({ kind: 'report', document: report }, format, parsed.output, runtime.io, {
        rules: ruleCatalog(registry, report.schema_type),
        toolVersion: packageJson.version,
      });
      // Scripts that do not replay are worse news than any verdict: 3, whatever the changes are.
      const outcome = report.verification ? verificationOutcome(report.verification) : 'passed';
      runtime.exitCode = outcome === 'failed' ? VERIFICATION_FAILED : outcome === 'not_verified' ? NOT_VERIFIED : exitCodeForReport(report, threshold);
    },
  });
}
