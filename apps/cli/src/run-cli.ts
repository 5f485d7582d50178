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

/** The command table: help, usage errors and the help tests all read it. */
export function rootCommand(runtime: CommandRuntime) {
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

function subCommandsOf(command: CommandDef): Record<string, CommandDef> {
  return (command.subCommands ?? {}) as Record<string, CommandDef>;
}

/** The help of the deepest command the words name: `patterns recommend --help` is recommend's own. */
async function printHelp(root: CommandDef, argv: string[], io: CliIo): Promise<void> {
  let command = root;
  let parent: CommandDef | undefined;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const sub = subCommandsOf(command)[word];
    if (!sub) break;
    parent = command;
    command = sub;
  }
  const usage = parent ? await renderUsage(command, parent) : await renderUsage(command);
  io.stdout(`${usage.replace(ANSI, '')}\n`);
}

/** `plan, check, ... or reconcile`, from the commands the root has. */
function commandList(root: CommandDef): string {
  const names = Object.keys(subCommandsOf(root));
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** On a terminal, say which plugins are in use when no config chose them (logs never go to stdout). */
function announce(context: PluginContext, io: CliIo): PluginContext {
  if (context.source === 'builtin' && io.stderrIsTty && !io.env.CI) {
    const names =
      context.registry
        .pluginMetas()
        .map((meta) => meta.namespace)
        .join(', ') || 'none';
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
      loadContext: (explicitConfig, need) => (context ??= loadPluginContext(io.cwd, explicitConfig, need).then((loaded) => announce(loaded, io))),
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
      throw new UsageError(`missing command: ${commandList(root)}`);
    }
    try {
      await runCommand(root, { rawArgs: argv });
    } catch (error) {
      // citty's own argument errors (unknown command, bad enum) are usage errors.
      if (error instanceof Error && error.name === 'CLIError') {
        const message = error.message.replace(ANSI, '');
        // An unknown command at the top names the commands there are.
        const unknownTop = /^Unknown command /.test(message) && !subCommandsOf(root)[argv[0]!];
        throw new UsageError(unknownTop ? `${message} (commands: ${commandList(root)})` : message);
      }
      throw error;
    }
    return runtime.exitCode;
  } catch (error) {
    return reportFailure(error, io, debug);
  }
}
