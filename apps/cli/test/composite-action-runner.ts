import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionRun {
  /** The exit code of the first failing step, or 0. */
  code: number;
  /** Everything the steps printed, in order. */
  log: string;
  outputs: Record<string, Record<string, string>>;
}

/**
 * Runs a composite action's `run:` steps the way the runner does: `${{ }}` expressions filled from
 * the inputs (defaults applied), `github.*` and earlier steps' outputs; each step in bash with
 * `-e -o pipefail`, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, RUNNER_TEMP. `uses:` steps (setting
 * up Node) are skipped: the test runs on Node already.
 */
/** Runs one step's script; asynchronous, so a server in the test process keeps answering the step's requests. */
function runStep(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

export async function runCompositeAction(options: {
  actionPath: string;
  workspace: string;
  temp: string;
  inputs: Record<string, string>;
  github: Record<string, string>;
  env: Record<string, string>;
}): Promise<ActionRun> {
  const action = parse(readFileSync(join(options.actionPath, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Step[] };
  };
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const outputs: ActionRun['outputs'] = {};
  const context = (expression: string): string => {
    const path = expression.trim();
    if (path.startsWith('inputs.')) {
      const name = path.slice('inputs.'.length);
      return options.inputs[name] ?? expand(action.inputs[name]?.default ?? '');
    }
    if (path.startsWith('github.')) return options.github[path.slice('github.'.length)] ?? '';
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(path);
    if (step) return outputs[step[1]!]?.[step[2]!] ?? '';
    throw new Error(`expression not supported by the test runner: ${path}`);
  };
  const expand = (text: string): string => String(text).replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => context(e));
  let log = '';
  const summary = join(options.temp, 'step-summary.md');
  writeFileSync(summary, '');
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses) continue;
    const outputFile = join(options.temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
    const result = await runStep(expand(step.run ?? ''), resolve(options.workspace, expand(step['working-directory'] ?? '.')), {
      ...process.env,
      ...options.env,
      ...env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: options.temp,
    });
    log += result.output;
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    if (result.status !== 0) return { code: result.status, log, outputs };
  }
  return { code: 0, log, outputs };
}
