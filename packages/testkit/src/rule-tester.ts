import {
  checkCompatibility,
  createRegistry,
  fixedClock,
  MigrationArchitectError,
  type ChangeSeverity,
  type CompatibilityReport,
  type PluginRegistry,
  type RenameHint,
} from '@migration-architect/core';

/** One before/after pair, as a rule example is written. */
export interface RuleTestInput {
  /** Shown in failures; defaults to the case's position. */
  name?: string;
  /** The schema before: a JSON/YAML value, or a file's text when `fileName` is given. */
  before: unknown;
  /** The schema after (or give `migration`). */
  after?: unknown;
  /** A migration file applied to `before` instead of an `after` schema. */
  migration?: unknown;
  /** A file name for both sides (`schema.sql`), so sources that answer by extension read it. */
  fileName?: string;
  renames?: RenameHint[];
}

/** What one finding of the rule under test must be. */
export interface ExpectedFinding {
  severity: ChangeSeverity;
  /** The migration script the finding points at must contain this text or match this pattern. */
  script?: string | RegExp;
  /** The same for its rollback script. */
  rollback?: string | RegExp;
}

export interface InvalidRuleTestCase extends RuleTestInput {
  /** Every finding of the rule under test, in report order: a count mismatch fails the case. */
  findings: ExpectedFinding[];
}

export interface RuleTestCases {
  /** Inputs the rule must not report. */
  valid: RuleTestInput[];
  /** Inputs the rule must report exactly as listed. */
  invalid: InvalidRuleTestCase[];
}

export interface RuleTesterOptions {
  /** Plugins the one under test builds on (the plugin of the checker it adds rules or sources to). */
  with?: unknown[];
}

/** One case that did not behave: the rule, the case and what happened, in one sentence. */
export interface RuleTestFailure {
  rule: string;
  case: string;
  message: string;
}

function matches(text: string | undefined, expected: string | RegExp): boolean {
  if (text === undefined) return false;
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

/**
 * ESLint's RuleTester for compatibility rules: per rule, valid inputs that must not trigger it and
 * invalid inputs with the exact findings it must produce (severity, and the scripts it writes).
 * Inputs go through the loaded sources and the whole `checkCompatibility` pipeline, as `check`
 * runs them. Framework-agnostic: `expect(await tester.run('messaging/partitions-decreased', cases)).toEqual([])`.
 */
export class RuleTester {
  private readonly registry: PluginRegistry;

  constructor(plugin: unknown, options: RuleTesterOptions = {}) {
    this.registry = createRegistry([...(options.with ?? []), plugin]);
  }

  /** The checker that owns `rule` (`namespace/rule-id`). */
  private checkerOf(rule: string): string | undefined {
    const [namespace, id] = rule.split('/');
    return this.registry.checkers().find((c) => c.namespace === namespace && c.rules.some((r) => r.id === id))?.id;
  }

  private async report(checker: string, input: RuleTestInput, label: string): Promise<CompatibilityReport> {
    const side = (which: string, document: unknown) => ({ name: `${label} (${which})`, document, ...(input.fileName ? { fileName: input.fileName } : {}) });
    const sides =
      input.migration !== undefined
        ? { before: side('before', input.before), migration: side('migration', input.migration) }
        : { before: side('before', input.before), after: side('after', input.after) };
    return checkCompatibility(this.registry, { type: checker, ...sides, renames: input.renames, clock: fixedClock(new Date(0)) });
  }

  /** Runs the cases of one rule; the failures, empty when every case behaves. */
  async run(rule: string, cases: RuleTestCases): Promise<RuleTestFailure[]> {
    const checker = this.checkerOf(rule);
    if (!checker) return [{ rule, case: '-', message: `no loaded checker has a rule "${rule}" (rule ids look like "namespace/rule-id")` }];
    const failures: RuleTestFailure[] = [];
    const fail = (name: string, message: string) => failures.push({ rule, case: name, message });
    const all: [RuleTestInput, ExpectedFinding[] | null, string][] = [
      ...cases.valid.map((c, i): [RuleTestInput, null, string] => [c, null, c.name ?? `valid[${i}]`]),
      ...cases.invalid.map((c, i): [RuleTestInput, ExpectedFinding[], string] => [c, c.findings, c.name ?? `invalid[${i}]`]),
    ];
    for (const [input, expected, name] of all) {
      let report: CompatibilityReport;
      try {
        report = await this.report(checker, input, name);
      } catch (error) {
        fail(name, `check failed: ${error instanceof MigrationArchitectError ? error.describe() : (error as Error).message}`);
        continue;
      }
      const found = report.issues.filter((issue) => issue.rule === rule);
      if (!expected) {
        if (found.length) fail(name, `must not be reported, but was: ${found.map((f) => f.description).join('; ')}`);
        continue;
      }
      if (found.length !== expected.length) {
        const others = report.issues.map((i) => i.rule).join(', ') || 'no finding';
        fail(name, `expected ${expected.length} finding(s) of the rule, got ${found.length} (the report has: ${others})`);
        continue;
      }
      expected.forEach((want, i) => {
        const got = found[i]!;
        if (got.severity !== want.severity) fail(name, `finding ${i + 1}: expected severity ${want.severity}, got ${got.severity}`);
        const script = got.migration_script_index == null ? undefined : report.migration_scripts[got.migration_script_index];
        if (want.script !== undefined && !matches(script?.script_content, want.script)) {
          fail(
            name,
            `finding ${i + 1}: its migration script does not match ${String(want.script)}: ${script ? JSON.stringify(script.script_content) : 'it has no script'}`,
          );
        }
        if (want.rollback !== undefined && !matches(script?.rollback_script, want.rollback)) {
          fail(
            name,
            `finding ${i + 1}: its rollback script does not match ${String(want.rollback)}: ${script ? JSON.stringify(script.rollback_script) : 'it has no script'}`,
          );
        }
      });
    }
    return failures;
  }
}
