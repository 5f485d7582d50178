import { clockFromSourceDateEpoch, preferOneShotValidation, UsageError } from '@migration-architect/core';
import { defineCommand, renderUsage, runCommand, type CommandDef } from 'citty';
import packageJson from '../package.json' with { type: 'json' };
import { checkCommand } from './commands/check-command.js';
import { gateCommand } from './commands/gate-command.js';
import { planCommand } from './commands/plan-command.js';
import { reconcileCommand } from './commands/reconcile-command.js';
import { rollbackCommand } from './commands/rollback-command.js';
import type { CommandRuntime } from './commands/runtime.js';
import { reportFailure } from './errors/describe-failure.js';
import { processIo, type CliIo } from './io/cli-io.js';
import { loadPluginContext, type PluginContext } from './config/plugin-context.js';
import { patternsCommand } from './commands/patterns-command.js';
import { pluginsCommand } from './commands/plugins-command.js';
import { rulesCommand } from './commands/rules-command.js';
import { schemaCommand } from './commands/schema-command.js';

const ANSI = /\u001b\[[0-9;]*m/g;

function rootCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: {
      name: 'migration-architect',
      version: packageJson.version,
      description: 'Plan migrations, check schema compatibility and generate rollback runbooks',
    },
    subCommands: {
      plan: planCommand(runtime),
      check: checkCommand(runtime),
      rollback: rollbackCommand(runtime),
      plugins: pluginsCommand(runtime),
      patterns: patternsCommand(runtime),
      rules: rulesCommand(runtime),
      schema: schemaCommand(runtime),
      reconcile: reconcileCommand(runtime),
      gate: gateCommand(runtime),
    },
  });
}

async function printHelp(root: CommandDef, argv: string[], io: CliIo): Promise<void> {
  const subCommands = (root.subCommands ?? {}) as Record<string, CommandDef>;
  const name = argv.find((a) => !a.startsWith('-'));
  const sub = name ? subCommands[name] : undefined;
  const usage = sub ? await renderUsage(sub, root) : await renderUsage(root);
  io.stdout(`${usage.replace(ANSI, '')}\n`);
}

/** On a terminal, say which plugins are in use when no config chose them (logs never go to stdout). */
function announce(context: PluginContext, io: CliIo): PluginContext {
  if (context.source === 'builtin' && io.stderrIsTty && !io.env.CI) {
    const names = context.registry.plugins.map((p) => p.meta.namespace).join(', ') || 'none';
    const missing = context.missingBuiltins.length ? `; not installed: ${context.missingBuiltins.join(', ')}` : '';
    io.stderr(`using the installed built-in plugins: ${names}${missing}\n`);
  }
  return context;
}

/**
 * Runs the CLI on `argv` (without node and the script) and resolves to the exit code. Never
 * throws: every failure becomes one line on stderr and a documented code.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  preferOneShotValidation();
  try {
    let context: Promise<PluginContext> | undefined;
    const runtime: CommandRuntime = {
      io,
      clock: clockFromSourceDateEpoch(io.env.SOURCE_DATE_EPOCH),
      exitCode: 0,
      loadContext: (explicitConfig) => (context ??= loadPluginContext(io.cwd, explicitConfig).then((loaded) => announce(loaded, io))),
    };
    const root = rootCommand(runtime);
    if (argv.includes('--help') || argv.includes('-h')) {
      await printHelp(root, argv, io);
      return 0;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.stdout(`${packageJson.version}\n`);
      return 0;
    }
    if (argv.length === 0 || argv[0]!.startsWith('-')) {
      await printHelp(root, [], io);
      throw new UsageError('missing command: plan, check, gate, rollback, reconcile, plugins, patterns, rules or schema');
    }
    try {
      await runCommand(root, { rawArgs: argv });
    } catch (error) {
      // citty's own argument errors (unknown command, bad enum) are usage errors.
      if (error instanceof Error && error.name === 'CLIError') throw new UsageError(error.message.replace(ANSI, ''));
      throw error;
    }
    return runtime.exitCode;
  } catch (error) {
    return reportFailure(error, io, debug);
  }
}
